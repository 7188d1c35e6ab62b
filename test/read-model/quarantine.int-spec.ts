import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Pool } from 'pg';
import {
  caseStreamId,
  type EventStores,
  type NewEvent,
  PostgresEventStore,
  sealEventStore,
} from '@casetrack/event-store';
import { CaseProjector, LagProbe } from '@casetrack/read-model';
import { newEvent } from '../event-store/helpers';
import { projectUntil } from './helpers';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A stored event as a coordinator records it, `minute` minutes into the story. */
const event = (type: string, data: NewEvent['data'], minute: number): NewEvent =>
  newEvent(type, data, {
    actorId: randomUUID(),
    actorRole: 'coordinator',
    occurredAt: new Date(Date.parse('2022-01-05T08:00:00Z') + minute * 60_000).toISOString(),
    occurredAtPrecision: 'exact',
  });

const opened = (fullName: string, minute = 0) =>
  event(
    'CaseOpened',
    {
      detainee: { fullName, nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
      source: { kind: 'ngo' },
    },
    minute,
  );
const note = (text: string, minute: number) => event('NoteAdded', { text }, minute);

describe('projector quarantine: an event it cannot apply never stops other cases', () => {
  let db: TestDatabase;
  let pool: Pool;
  let stores: EventStores;
  let logged: string[];
  let projector: CaseProjector;
  let hooked: string[];

  const append = async (caseId: string, ...events: NewEvent[]) =>
    (await stores.sealed.append(caseStreamId(caseId), events, 'any')).position;
  const caseRow = async (caseId: string) =>
    (await pool.query<{ version: number }>(`SELECT version FROM read_model.cases WHERE case_id = $1`, [caseId]))
      .rows[0];
  const quarantine = async () =>
    (
      await pool.query<{ case_id: string; version: number; event_type: string; reason: string }>(
        `SELECT case_id, version, event_type, reason FROM read_model.quarantine ORDER BY position`,
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 6 });
    stores = sealEventStore(new PostgresEventStore(pool), pool, randomBytes(32));
  });
  beforeEach(async () => {
    logged = [];
    hooked = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    projector = new CaseProjector(pool, stores.sealed, {
      batchSize: 100,
      logger: pino(sink),
      batchHooks: [async (_client, states) => void hooked.push(...states.keys())],
    });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('quarantines the poisoned cases, projects the rest of the batch and every later case, and logs no content', async () => {
    const before = randomUUID();
    const unstorable = randomUUID(); // a NUL in the name: PostgreSQL refuses the row
    const unfoldable = randomUUID(); // a fact whose data the fold cannot read
    const after = randomUUID();
    await append(before, opened('Arman Zholatov'));
    await append(unstorable, opened('A\u0000B'));
    await append(unfoldable, opened('Saule Tlegenova'));
    await append(unfoldable, event('HearingScheduled', { court: null }, 1), note('later news', 2));
    const written = await append(after, opened('Dana Bekova'), note('seen in SI-18', 1));
    await projectUntil(projector, stores.sealed, written);

    expect(await caseRow(before)).toEqual({ version: 1 });
    expect(await caseRow(after)).toEqual({ version: 2 });
    // The case whose first event failed has no rows; the other keeps the rows of its last event that applied.
    expect(await caseRow(unstorable)).toBeUndefined();
    expect(await caseRow(unfoldable)).toEqual({ version: 1 });
    const held = await quarantine();
    expect(held.map((q) => [q.case_id, q.version, q.event_type])).toEqual([
      [unstorable, 1, 'CaseOpened'],
      [unfoldable, 2, 'HearingScheduled'],
    ]);
    for (const q of held) expect(q.reason.length).toBeGreaterThan(0);
    expect(hooked).toEqual(expect.arrayContaining([before, after]));
    expect(hooked).not.toContain(unstorable);

    const quarantineLogs = logged.filter((line) => line.includes('quarantined'));
    expect(quarantineLogs).toHaveLength(2);
    expect(logged.join('')).not.toMatch(/A\\u0000B|Saule|Tlegenova|later news/);

    // Later events of the poisoned cases change nothing of them, and never hold the feed back.
    const last = randomUUID();
    await append(unstorable, note('more', 3));
    const position = await append(last, opened('Nurlan Abenov'));
    await projectUntil(projector, stores.sealed, position);
    expect(projector.checkpoint).toBeGreaterThanOrEqual(position);
    expect(await caseRow(last)).toEqual({ version: 1 });
    expect((await quarantine()).map((q) => [q.case_id, q.version])).toEqual([
      [unstorable, 1],
      [unfoldable, 2],
    ]);
    expect(await new LagProbe(pool).measure()).toMatchObject({ events: 0, quarantined: 2 });
  });

  it('a fixed projection clears what it can now apply, when it starts', async () => {
    // As an earlier projector (with a defect since fixed) left it: a healthy case held in quarantine.
    const healthy = randomUUID();
    await projectUntil(projector, stores.sealed, await append(healthy, opened('Aigerim Sadykova'), note('visited', 1)));
    await pool.query(`DELETE FROM read_model.cases WHERE case_id = $1`, [healthy]);
    await pool.query(
      `INSERT INTO read_model.quarantine (case_id, version, position, event_type, reason)
       VALUES ($1, 2, 1, 'NoteAdded', 'TypeError')`,
      [healthy],
    );
    const heldBefore = (await quarantine()).length;

    await projector.start();
    await projector.stop();

    expect(await caseRow(healthy)).toEqual({ version: 2 });
    const held = await quarantine();
    expect(held.map((q) => q.case_id)).not.toContain(healthy);
    // The cases that still cannot be applied stay held.
    expect(held).toHaveLength(heldBefore - 1);
    expect(logged.some((line) => line.includes('cleared quarantined cases'))).toBe(true);
  });
});
