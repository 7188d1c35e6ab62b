import request, { type Test } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, expectError, expectValidation, post } from '../support/e2e';

type Body = Record<string, unknown>;

/**
 * Issue 12, item 4 (links): `POST /v1/cases/:caseId/links` relates two cases; both list the link in `links`, each
 * reader sees only the linked cases they may see, the note is sealed at rest like other typed words, and a link to a
 * case the caller cannot see is refused as if that case did not exist.
 */
describe('links between cases', () => {
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let position = 0;

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    coordinator = await createUser(t.http, 'coordinator');
    lawyer = await createUser(t.http, 'lawyer');
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  async function write(token: string, path: string, body: Body): Promise<Body> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response.body as Body;
  }

  async function open(fullName: string, lawyerId?: string): Promise<string> {
    const caseId = (
      await write(coordinator.token, '/v1/cases', { detainee: { fullName }, source: { kind: 'relative' } })
    ).caseId as string;
    if (lawyerId) await write(coordinator.token, `/v1/cases/${caseId}/lawyers`, { lawyerId, role: 'lead' });
    return caseId;
  }

  function read(token: string, path: string): Test {
    return request(t.http).get(path).set('Authorization', `Bearer ${token}`).set('X-Min-Position', String(position));
  }

  async function linksOf(token: string, caseId: string): Promise<unknown> {
    const response = await read(token, `/v1/cases/${caseId}`);
    expect(response.status).toBe(200);
    return response.body.links;
  }

  it('lists a link on both cases, once each relation, and not the note', async () => {
    const brother = await open('Yerlan Linked');
    const sister = await open('Dana Linked');
    const none = await open('Nobody Linked');
    await read(coordinator.token, `/v1/cases/${sister}`).expect(200);
    await write(coordinator.token, `/v1/cases/${brother}/links`, {
      caseId: sister,
      relation: 'relative',
      note: 'Her brother, detained at the same square',
    });
    await read(coordinator.token, `/v1/cases/${brother}`).expect(200);
    await write(coordinator.token, `/v1/cases/${sister}/links`, { caseId: brother, relation: 'co_detainee' });

    expect(await linksOf(coordinator.token, brother)).toEqual([
      { caseId: sister, relation: 'co_detainee' },
      { caseId: sister, relation: 'relative' },
    ]);
    expect(await linksOf(coordinator.token, sister)).toEqual([
      { caseId: brother, relation: 'co_detainee' },
      { caseId: brother, relation: 'relative' },
    ]);
    expect(await linksOf(coordinator.token, none)).toEqual([]);

    // The note is kept in the stream, sealed at rest: never in the read model's answer, never in clear in the table.
    const detail = await read(coordinator.token, `/v1/cases/${brother}`);
    expect(JSON.stringify(detail.body)).not.toContain('same square');
    const stored = await events.storedOfCase(brother);
    expect(JSON.stringify(stored)).not.toContain('same square');
    const opened = await events.ofCase(brother);
    expect(opened.find((e) => e.type === 'CaseLinked')?.data).toEqual({
      caseId: sister,
      relation: 'relative',
      note: 'Her brother, detained at the same square',
    });
  });

  it('shows a lawyer only the linked cases they may see', async () => {
    const client = await open('Aidos Client', lawyer.id);
    const stranger = await open('Aidos Stranger');
    await read(coordinator.token, `/v1/cases/${stranger}`).expect(200);
    await write(coordinator.token, `/v1/cases/${client}/links`, { caseId: stranger, relation: 'same_incident' });

    expect(await linksOf(coordinator.token, client)).toEqual([{ caseId: stranger, relation: 'same_incident' }]);
    expect(await linksOf(lawyer.token, client)).toEqual([]);
  });

  it('refuses a link to a case the caller may not see as if it did not exist, and appends nothing', async () => {
    const client = await open('Marat Client', lawyer.id);
    const stranger = await open('Marat Stranger');
    await read(coordinator.token, `/v1/cases/${stranger}`).expect(200);
    const before = await events.versionOf(client);

    const refused = await post(t.http, lawyer.token, `/v1/cases/${client}/links`, {
      caseId: stranger,
      relation: 'witness',
    });
    expectError(refused, 422, 'LINKED_CASE_NOT_FOUND');
    const missing = await post(t.http, lawyer.token, `/v1/cases/${client}/links`, {
      caseId: '00000000-0000-4000-8000-000000000000',
      relation: 'witness',
    });
    expectError(missing, 422, 'LINKED_CASE_NOT_FOUND');
    expect(await events.versionOf(client)).toBe(before);
  });

  it('refuses a link to the case itself, the same link twice, and an unknown relation', async () => {
    const one = await open('Serik One');
    const other = await open('Serik Other');
    await read(coordinator.token, `/v1/cases/${other}`).expect(200);
    expectError(
      await post(t.http, coordinator.token, `/v1/cases/${one}/links`, { caseId: one, relation: 'other' }),
      422,
      'LINK_TO_ITSELF',
    );
    await write(coordinator.token, `/v1/cases/${one}/links`, { caseId: other, relation: 'other' });
    expectError(
      await post(t.http, coordinator.token, `/v1/cases/${one}/links`, { caseId: other, relation: 'other' }),
      422,
      'LINK_ALREADY_EXISTS',
    );
    expectValidation(
      await post(t.http, coordinator.token, `/v1/cases/${one}/links`, { caseId: other, relation: 'cousin' }),
      'relation',
    );
  });

  it('drops the link from both cases once it is retracted', async () => {
    const one = await open('Askar One');
    const other = await open('Askar Other');
    await read(coordinator.token, `/v1/cases/${other}`).expect(200);
    await write(coordinator.token, `/v1/cases/${one}/links`, { caseId: other, relation: 'relative' });
    const linked = (await events.storedOfCase(one)).find((e) => e.type === 'CaseLinked');
    await write(coordinator.token, `/v1/cases/${one}/retractions`, {
      eventId: linked?.event_id,
      reason: 'Another family of the same name',
    });
    expect(await linksOf(coordinator.token, one)).toEqual([]);
    expect(await linksOf(coordinator.token, other)).toEqual([]);
  });
});
