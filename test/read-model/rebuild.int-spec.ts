import request from 'supertest';
import { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@casetrack/event-store';
import { CaseProjector, createShadowSchema } from '@casetrack/read-model';
import { rebuildReadModels, type RebuildResult } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { ShadowThread } from '../../apps/cli/src/rebuild/shadow-thread/shadow-thread';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { fromNow, DAY, post } from '../support/e2e';
import { dumpSchema, projectUntil } from './helpers';

/** Collects what the rebuild draws, so the test output stays clean. */
const quiet = { write: (): boolean => true, isTTY: false };

/**
 * `projections:rebuild` beside a running API and live projector: the rebuilt tables equal the live projection,
 * reads keep answering during the rebuild and its swap, and the live projector goes on in the new tables.
 */
describe('rebuilding the read models while the API runs', () => {
  let t: TestApp;
  let pool: Pool;
  let store: EventStore;
  let coordinator: TestUser;
  /** The shadow is projected on a thread of its own, as `casetrack-cli rebuild` projects it. */
  let thread: ShadowThread;
  let last = 0;

  async function write(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await post(t.http, coordinator.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position as number);
    return response.body as Record<string, unknown>;
  }

  /** A short story with rows in every table: charges, hearings, complaints, a transfer, a measure. */
  async function story(n: number): Promise<string> {
    const opened = await write('/v1/cases', {
      detainee: { fullName: `Arman Zholatov ${n}`, nameVariants: [`Арман Жолатов ${n}`], city: 'Almaty' },
      source: { kind: 'relative' },
    });
    const id = opened.caseId as string;
    await write(`/v1/cases/${id}/detention`, { city: 'Almaty', place: 'Republic Square', authority: 'police' });
    await write(`/v1/cases/${id}/charges`, { code: 'criminal', article: n % 2 ? '272' : '274' });
    const hearing = await write(`/v1/cases/${id}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almalinsky district court',
      scheduledAt: fromNow(3 * DAY),
    });
    const allegation = await write(`/v1/cases/${id}/torture-allegations`, {
      periodFrom: fromNow(-DAY),
      methods: ['beating'],
      consent: 'anonymised',
    });
    await write(`/v1/cases/${id}/complaints`, { allegationId: allegation.allegationId, filedWith: 'prosecutor' });
    if (n % 3 === 0) {
      await write(`/v1/cases/${id}/hearings/${hearing.hearingId as string}/outcome`, {
        outcome: 'house arrest',
        durationMinutes: 4,
        defendantHeard: false,
      });
      await write(`/v1/cases/${id}/release-to-house-arrest`, { until: fromNow(60 * DAY) });
    }
    return id;
  }

  async function stories(from: number, count: number): Promise<string[]> {
    return Promise.all(Array.from({ length: count }, (_, i) => story(from + i)));
  }

  /** Until the live read models include the last write (read-your-writes, as a client would). */
  async function liveCaughtUp(): Promise<void> {
    await request(t.http)
      .get('/v1/cases?pageSize=1')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(last))
      .expect(200);
  }

  async function schemas(): Promise<string[]> {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'read_model%' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  function rebuild(options: Parameters<typeof rebuildReadModels>[2] = {}): Promise<RebuildResult> {
    return rebuildReadModels(pool, store, { progress: quiet, batchSize: 25, thread, ...options });
  }

  beforeAll(async () => {
    t = await startTestApp(process.env.REBUILD_TEST_LOG ? { LOG_LEVEL: 'warn' } : {});
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

  it('rebuilds tables equal to the live projection and swaps them in', async () => {
    await stories(0, 24);
    await liveCaughtUp();
    const live = await dumpSchema(pool, 'read_model');
    expect(live.cases).toHaveLength(24);

    const result = await rebuild();

    expect(result.joinedLive).toBe(true);
    expect(result.events).toBeGreaterThanOrEqual(24 * 6);
    expect(result.eventsPerSecond).toBeGreaterThan(0);
    expect(await dumpSchema(pool, 'read_model')).toEqual(live);
    expect(await schemas()).toEqual(['read_model']);
    // The new tables come with statistics, taken after their indexes: those of an index expression are there too.
    const { rows } = await pool.query<{ name: string }>(
      `SELECT DISTINCT tablename AS name FROM pg_stats WHERE schemaname = 'read_model' ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['cases', 'cases_lower_idx', 'complaints', 'hearings', 'hearings_regexp_replace_idx']),
    );
  });

  it('keeps answering reads during the rebuild, and the live projector follows the swap into the new tables', async () => {
    const before = (await dumpSchema(pool, 'read_model')).cases.length;
    await stories(100, 12);
    await liveCaughtUp();
    const readers = readLoop();
    const writers = stories(200, 8);
    let heldWrite = 0;

    const result = await rebuild({
      // A write while the swap holds the live projector: it must land in the new tables, not in the old ones.
      whileHeld: async () => {
        const opened = await write('/v1/cases', {
          detainee: { fullName: 'Жанна Сейткали', city: 'Taraz' },
          source: { kind: 'ngo' },
        });
        heldWrite = opened.position as number;
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    });
    await writers;
    const reads = await readers.stop();

    expect(result.joinedLive).toBe(true);
    expect(reads.failed).toEqual([]);
    expect(reads.ok).toBeGreaterThan(0);
    expect(await schemas()).toEqual(['read_model']);

    // New writes after the swap are projected by the live projector, into the tables the rebuild made.
    await stories(300, 3);
    await liveCaughtUp();
    expect(heldWrite).toBeGreaterThan(0);
    const list = await request(t.http)
      .get('/v1/cases?q=Zhanna%20Seitkali&city=Taraz')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(list.body.total).toBe(1);

    // And what the live projector made of all that equals a projection of the whole feed from scratch.
    const live = await dumpSchema(pool, 'read_model');
    await createShadowSchema(pool, 'rebuild_check');
    await projectUntil(new CaseProjector(pool, store, { schema: 'rebuild_check' }), store, last);
    expect(live.cases).toHaveLength(before + 12 + 8 + 1 + 3);
    expect(live).toEqual(await dumpSchema(pool, 'rebuild_check'));
  });

  /** Lists, searches and opens cases back to back until stopped; every answer that is not 200 is kept. */
  function readLoop(): { stop(): Promise<{ ok: number; failed: string[] }> } {
    let running = true;
    let ok = 0;
    const failed: string[] = [];
    const paths = ['/v1/cases', '/v1/cases?q=Zholatov&city=Almaty', '/v1/cases?status=in_police_custody', '/v1/stats'];
    const loop = (async () => {
      for (let i = 0; running; i++) {
        const response = await request(t.http)
          .get(paths[i % paths.length])
          .set('Authorization', `Bearer ${coordinator.token}`);
        if (response.status === 200) ok++;
        else failed.push(`${paths[i % paths.length]}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return { ok, failed };
      },
    };
  }
});
