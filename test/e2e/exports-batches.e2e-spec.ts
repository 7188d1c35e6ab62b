import request from 'supertest';
import { CaseExportSource } from '@casetrack/read-model';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { post } from '../support/e2e';

/** The export reads its cases in keyset batches: every case exactly once, across batch boundaries, as the list has them. */
describe('case export batches', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let source: CaseExportSource;
  const mine: string[] = [];
  const others: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    lawyer = await createUser(t.http, 'lawyer');
    let position = 0;
    for (let i = 0; i < 11; i += 1) {
      const opener = i % 3 === 0 ? coordinator : lawyer;
      const opened = await post(t.http, opener.token, '/v1/cases', {
        detainee: { fullName: `Қасымов Ғалым ${i}`, city: i % 2 === 0 ? 'Өскемен' : 'Ақтөбе' },
        source: { kind: 'relative' },
      });
      expect(opened.status).toBe(201);
      (opener === lawyer ? mine : others).push(opened.body.caseId as string);
      position = Math.max(position, opened.body.position as number);
    }
    const caught = await request(t.http)
      .get('/v1/cases')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position));
    expect(caught.status).toBe(200);
    source = t.app.get(CaseExportSource, { strict: false });
  });

  afterAll(async () => {
    await t.close();
  });

  async function read(viewer: { id: string; role: 'coordinator' | 'lawyer' }, filters = {}, size = 3) {
    const batches: string[][] = [];
    for await (const batch of source.batches(viewer, filters, size)) batches.push(batch.map((row) => row.case_id));
    return batches;
  }

  it('reads every case once, in case id order, a batch at a time', async () => {
    const viewer = { id: coordinator.id, role: 'coordinator' as const };
    const batches = await read(viewer);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 2]);
    const ids = batches.flat();
    expect(ids).toEqual([...mine, ...others].sort());
    expect(await source.count(viewer, {})).toBe(11);
    // A number of cases that is a multiple of the batch: the last batch is full and nothing follows it.
    expect((await read(viewer, {}, 11)).map((b) => b.length)).toEqual([11]);
  });

  it('applies the filters and what the viewer may see in every batch', async () => {
    const viewer = { id: lawyer.id, role: 'lawyer' as const };
    expect((await read(viewer, {}, 2)).flat()).toEqual([...mine].sort());
    const inOskemen = (await read({ id: coordinator.id, role: 'coordinator' }, { city: 'Өскемен' }, 2)).flat();
    expect(inOskemen).toHaveLength(6);
    expect(await source.count({ id: coordinator.id, role: 'coordinator' }, { city: 'Өскемен' })).toBe(6);
  });
});
