import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Pool } from 'pg';
import { caseStreamId, EVENT_STORE, type EventStore, type NewEvent } from '@casetrack/event-store';
import { rebuildReadModels, SHADOW_SCHEMA } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { ShadowThread } from '../../apps/cli/src/rebuild/shadow-thread/shadow-thread';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, fromNow, get, post } from '../support/e2e';
import { newEvent } from '../event-store/helpers';
import { dumpSchema } from './helpers';

const quiet = { write: (): boolean => true, isTTY: false };

/**
 * The rebuild's own projector (written behind, in bulk) against the live one: a varied set of cases is projected
 * live, then rebuilt into the shadow schema, and every table of the shadow is compared with the live one row for
 * row, inside the swap, before the renames. Only `checkpoint.updated_at` and `quarantine.quarantined_at` may differ
 * (they say when a row was written, not what it holds; `dumpSchema` leaves them out).
 */
describe('a rebuilt schema equals the live one row for row, before the swap', () => {
  let t: TestApp;
  let pool: Pool;
  let store: EventStore;
  let coordinator: TestUser;
  let thread: ShadowThread;
  let last = 0;

  async function write(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await post(t.http, coordinator.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position as number);
    return response.body as Record<string, unknown>;
  }

  /** A story with rows in every table; every few cases also a release, a retraction, a closing or a transfer. */
  async function story(n: number): Promise<string> {
    const opened = await write('/v1/cases', {
      detainee: {
        fullName: `Аружан Бекова ${n}`,
        // What COPY's text format and array literals read specially, in every case's spellings.
        nameVariants: [`Aruzhan Bekova ${n}`, `"Bek\\ova", {${n}}\tNULL`],
        city: n % 2 ? 'Almaty' : 'Taraz',
      },
      source: { kind: 'relative' },
    });
    const id = opened.caseId as string;
    const at = (path: string): string => `/v1/cases/${id}${path}`;
    await write(at('/detention'), { city: 'Almaty', place: 'Republic Square', authority: 'police' });
    await write(at('/charges'), { code: 'criminal', article: n % 3 ? '272' : '274' });
    const hearing = await write(at('/hearings'), {
      kind: 'preventive_measure',
      court: 'Almalinsky district court\n\\N \\t',
      scheduledAt: fromNow((n % 5) * DAY + DAY),
    });
    const allegation = await write(at('/torture-allegations'), {
      periodFrom: fromNow(-DAY),
      methods: ['beating'],
      consent: 'anonymised',
    });
    await write(at('/complaints'), { allegationId: allegation.allegationId, filedWith: 'prosecutor' });
    if (n % 4 === 0) {
      await write(at(`/hearings/${hearing.hearingId as string}/outcome`), {
        outcome: 'house arrest',
        durationMinutes: 4,
        defendantHeard: false,
      });
      await write(at('/release-to-house-arrest'), { until: fromNow(60 * DAY) });
    }
    if (n % 4 === 1) {
      await write(at('/release'), { grounds: 'charges_dropped' });
      const timeline = await get(t.http, coordinator.token, at('/timeline'));
      const events = timeline.body.events as Array<{ eventId: string; type: string }>;
      const release = events.find((e) => e.type === 'Released') as { eventId: string };
      await write(at('/retractions'), { eventId: release.eventId, reason: 'recorded on the wrong case' });
    }
    if (n % 4 === 2) {
      await write(at('/close'), { reason: 'family asked' });
    }
    return id;
  }

  /** Events the fold or PostgreSQL refuse, appended as a faulty client of the store would. */
  async function poisoned(): Promise<void> {
    const meta = { actorId: randomUUID(), actorRole: 'coordinator' as const, occurredAtPrecision: 'exact' as const };
    const opened = (fullName: string): NewEvent =>
      newEvent(
        'CaseOpened',
        {
          detainee: { fullName, nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
          source: { kind: 'ngo' },
        },
        { ...meta, occurredAt: fromNow(-2 * DAY) },
      );
    const append = async (caseId: string, events: NewEvent[]): Promise<void> => {
      const result = await store.append(caseStreamId(caseId), events, 'any');
      last = Math.max(last, result.position);
    };
    const unfoldable = randomUUID();
    await append(unfoldable, [opened('Saule Tlegenova')]);
    await append(unfoldable, [newEvent('HearingScheduled', { court: null }, { ...meta, occurredAt: fromNow(-DAY) })]);
    await append(unfoldable, [newEvent('NoteAdded', { text: 'later news' }, { ...meta, occurredAt: fromNow(-DAY) })]);
    // A NUL in the name: PostgreSQL refuses the row.
    await append(randomUUID(), [opened('A\u0000B')]);
  }

  async function liveCaughtUp(): Promise<void> {
    await request(t.http)
      .get('/v1/cases?pageSize=1')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(last))
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp();
    pool = new Pool({ connectionString: t.database.url, max: 8 });
    store = t.app.get<EventStore>(EVENT_STORE);
    coordinator = await createUser(t.http, 'coordinator');
    thread = ShadowThread.start(t.config);
  });
  afterAll(async () => {
    await thread.close();
    await pool.end();
    await t.close();
  });

  it('holds the same rows in every table after live projection and after a rebuild, whatever its memory and thread', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 6) ids.push(...(await Promise.all([0, 1, 2, 3, 4, 5].map((k) => story(i + k)))));
    await poisoned();
    await write(`/v1/cases/${ids[5]}/merge`, { intoCaseId: ids[6], reason: 'the same person, reported twice' });
    await write(`/v1/cases/${ids[7]}/erase`, { reason: 'the family asked' });
    // Erasing a merged duplicate erases the spellings its survivor took from it.
    await write(`/v1/cases/${ids[5]}/erase`, { reason: 'the family asked' });
    await write(`/v1/cases/${ids[8]}/notes`, { text: 'late note on a case written long ago' });
    await liveCaughtUp();
    const live = await dumpSchema(pool, 'read_model');
    expect(live.cases.length).toBeGreaterThanOrEqual(25);
    expect(live.quarantine).toHaveLength(2);
    // The statistics' counts: moved statement by statement live, counted at once by the rebuild.
    expect(live.case_counts.length).toBeGreaterThan(0);

    // Tiny batches and memory: cases are written, let go, read back from their streams and written again. On the
    // calling thread and on a thread of its own (the CLI's), where the feed is read batches ahead of the fold.
    const settings = [
      { batchSize: 7, cacheSize: 5 },
      { batchSize: 40, cacheSize: 12 },
      {},
      { batchSize: 7, cacheSize: 5, thread },
      { thread },
    ];
    for (const setting of settings) {
      let shadow: Record<string, unknown[]> | null = null;
      const result = await rebuildReadModels(pool, store, {
        progress: quiet,
        ...setting,
        beforeSwap: async () => {
          shadow = await dumpSchema(pool, SHADOW_SCHEMA);
        },
      });
      expect(result.joinedLive).toBe(true);
      expect(shadow).toEqual(live);
    }
    expect(await dumpSchema(pool, 'read_model')).toEqual(live);
  });
});
