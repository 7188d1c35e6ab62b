/**
 * The reads of a role's day at crisis scale: the coordinators' escalation queue and a lawyer's calendar feed.
 *
 *   npm run bench:role-day        (BENCH_EVENTS=1000000 for the full 100,000 cases; default 300,000 events)
 *
 * Generates events with bench:projection's generator (the seed's stories, decided by the real deciders), builds the
 * read models with `rebuildReadModels` and analyses them, then runs each read through its query handler (and, for the
 * feed, the iCalendar writer) in BENCH_ROUNDS interleaved rounds of BENCH_RUNS runs; prints medians, p99 and the
 * per-round medians.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore } from '@casetrack/event-store';
import {
  CalendarFeedHandler,
  CalendarFeedQuery,
  ListEscalationsHandler,
  ListEscalationsQuery,
  type Viewer,
} from '@casetrack/read-model';
import { hearingCalendar } from '../../apps/api/src/calendar/hearing-calendar';
import { rebuildReadModels } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { createTestDatabase } from '../support/test-database';
import { generateFeed } from './projection/generate-events';
import { latency, median, progressLine } from './projection/measure';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 300_000);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 5));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** BENCH_KEEP=1 leaves the database in place (its name printed) to look at plans; drop it by hand afterwards. */
const KEEP = process.env.BENCH_KEEP === '1';

type Measure = { name: string; run: () => Promise<unknown> };

const COORDINATOR: Viewer = { id: '00000000-0000-4000-8000-000000000000', role: 'coordinator' };

async function main(): Promise<void> {
  console.log(`Role's-day benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const database = await createTestDatabase();
  loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ROLES: 'api' });
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const generationPool = new Pool({ connectionString: database.url, max: 8, options: '-c synchronous_commit=off' });
  const dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
  try {
    console.log(`\n1/2 Generating ${TARGET_EVENTS} events and building the read models…`);
    const feed = await generateFeed(new PostgresEventStore(generationPool), {
      targetEvents: TARGET_EVENTS,
      window: 2_000,
      concurrency: 6,
      onProgress: progressLine('generated', TARGET_EVENTS, 'events', 100_000),
    });
    const quiet = { write: (): boolean => true, isTTY: false };
    await rebuildReadModels(pool, new PostgresEventStore(pool), { waitForLiveMs: 0, progress: quiet });
    await pool.query('VACUUM (ANALYZE) read_model.cases, read_model.hearings');
    const counts = await pool.query<{ reason: string; n: number }>(
      `SELECT 'unlocated' AS reason, count(*)::int AS n FROM read_model.cases WHERE unlocated_since IS NOT NULL
       UNION ALL SELECT 'no_lawyer', count(*)::int FROM read_model.cases WHERE no_lawyer_since IS NOT NULL
       UNION ALL SELECT 'term_ended', count(*)::int FROM read_model.cases WHERE unreleased_term_end <= now()`,
    );
    const busiest = await pool.query<{ lawyer: string; hearings: number }>(
      `SELECT l::text AS lawyer, count(*)::int AS hearings
         FROM read_model.cases c, unnest(c.lawyer_ids) l JOIN read_model.hearings h ON true
        WHERE h.case_id = c.case_id GROUP BY l ORDER BY count(*) DESC LIMIT 1`,
    );
    console.log(`    ${feed.events} events over ${feed.cases} cases`);
    console.log(`    waiting: ${counts.rows.map((r) => `${r.reason} ${r.n}`).join(', ')}`);

    await dataSource.initialize();
    const escalations = new ListEscalationsHandler(dataSource);
    const calendar = new CalendarFeedHandler(dataSource);
    const queue = (page: number, reason?: 'unlocated' | 'no_lawyer' | 'term_ended'): Promise<unknown> =>
      escalations.execute(new ListEscalationsQuery(COORDINATOR, { page, pageSize: 20 }, reason));
    const measures: Measure[] = [
      { name: 'escalations: first page', run: () => queue(1) },
      { name: 'escalations: page 50', run: () => queue(50) },
      { name: 'escalations: reason=unlocated', run: () => queue(1, 'unlocated') },
      { name: 'escalations: reason=term_ended', run: () => queue(1, 'term_ended') },
    ];
    const lawyer = busiest.rows[0];
    if (lawyer !== undefined) {
      console.log(`    busiest lawyer: ${lawyer.hearings} hearings on their cases`);
      measures.push({
        name: `calendar feed: busiest lawyer (query + iCalendar text)`,
        run: async () => {
          const hearings = await calendar.execute(new CalendarFeedQuery({ id: lawyer.lawyer, role: 'lawyer' }));
          return hearingCalendar(hearings, { locale: 'ru', publicUrl: 'https://casetrack.test', now: new Date() });
        },
      });
    }

    console.log(`\n2/2 ${measures.length} measures, ${ROUNDS} interleaved rounds of ${RUNS} runs each…`);
    const samples = new Map<string, number[]>(measures.map((m) => [m.name, []]));
    const roundMedians = new Map<string, number[]>(measures.map((m) => [m.name, []]));
    for (const m of measures) await m.run();
    for (let round = 0; round < ROUNDS; round++) {
      for (const m of measures.map((_, i) => measures[(i + round) % measures.length])) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await m.run();
          times.push(performance.now() - t0);
        }
        samples.get(m.name)?.push(...times);
        roundMedians.get(m.name)?.push(median(times));
      }
    }
    const ms = (n: number): string => n.toFixed(1);
    console.log(`\nAt ${feed.cases} cases, load average ${os.loadavg()[0].toFixed(2)}:\n`);
    console.log('| measure | median ms | p99 ms | per-round medians ms |');
    console.log('|---|---|---|---|');
    for (const m of measures) {
      const l = latency(samples.get(m.name) ?? []);
      console.log(
        `| ${m.name} | ${ms(l.p50)} | ${ms(l.p99)} | ${(roundMedians.get(m.name) ?? []).map(ms).join(', ')} |`,
      );
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await generationPool.end();
    await pool.end();
    if (KEEP) console.log(`Database kept: ${database.name}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
