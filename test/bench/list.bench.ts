/**
 * Case list, name search and statistics at crisis scale, side by side in one run.
 *
 *   npm run bench:list            (BENCH_EVENTS=200000 for a quicker run)
 *
 * 1. Generates ~1,000,000 events over ~100,000 cases with bench:projection's generator (the seed's stories, decided by
 *    the real deciders), then builds the read models with `rebuildReadModels` (the code of `npm run
 *    projections:rebuild`) and analyses them, as a live deployment's autovacuum would have.
 * 2. Runs every read through the API's own query handlers in BENCH_ROUNDS interleaved rounds (default 5): in each
 *    round every measure runs BENCH_RUNS times (default 40) before the next measure's turn, the measures' order
 *    rotating between rounds, so that all of them see the same machine. Reports each measure's median and p99 over
 *    all its runs, and the spread of the per-round medians.
 *
 * BENCH_KEEP=1 keeps the generated database to look at plans (drop it by hand).
 *
 * The list's total is exact up to 1,000 matches and the planner's estimate beyond (flagged `totalIsEstimate`); the
 * statistics are always exact.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore } from '@casetrack/event-store';
import {
  type CaseListFilters,
  GetStatsHandler,
  GetStatsQuery,
  ListCasesHandler,
  ListCasesQuery,
  type StatsFilters,
  type Viewer,
} from '@casetrack/read-model';
import { rebuildReadModels } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { createTestDatabase } from '../support/test-database';
import { generateFeed } from './projection/generate-events';
import { latency, median, progressLine } from './projection/measure';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const ZONE = 'Asia/Almaty';
/** BENCH_KEEP=1 leaves the database in place (its name printed) to look at plans; drop it by hand afterwards. */
const KEEP = process.env.BENCH_KEEP === '1';

type Measure = { name: string; target: number; run: (i: number) => Promise<unknown> };

async function main(): Promise<void> {
  const began = performance.now();
  console.log(`List benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const database = await createTestDatabase();
  loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ROLES: 'api' });
  const pool = new Pool({ connectionString: database.url, max: 12 });
  const generationPool = new Pool({ connectionString: database.url, max: 10, options: '-c synchronous_commit=off' });
  const dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 12 } });
  try {
    console.log(`\n1/2 Generating ${TARGET_EVENTS} events and building the read models…`);
    const feed = await generateFeed(new PostgresEventStore(generationPool), {
      targetEvents: TARGET_EVENTS,
      window: 2_000,
      concurrency: 8,
      onProgress: progressLine('generated', TARGET_EVENTS, 'events', 100_000),
    });
    await pool.query('VACUUM (ANALYZE) events');
    const quiet = { write: (): boolean => true, isTTY: false };
    await rebuildReadModels(pool, new PostgresEventStore(pool), { waitForLiveMs: 0, progress: quiet });
    await pool.query('VACUUM (ANALYZE) read_model.cases, read_model.hearings, read_model.complaints');
    console.log(`    ${feed.events} events over ${feed.cases} cases`);

    await dataSource.initialize();
    const measures = await measuresOver(dataSource, feed.latinQueries);
    console.log(`\n2/2 ${measures.length} measures, ${ROUNDS} interleaved rounds of ${RUNS} runs each…`);
    const samples = new Map<string, number[]>(measures.map((m) => [m.name, []]));
    const roundMedians = new Map<string, number[]>(measures.map((m) => [m.name, []]));
    for (const m of measures) await m.run(0); // warm the caches and the plans once
    for (let round = 0; round < ROUNDS; round++) {
      const order = measures.map((_, i) => measures[(i + round) % measures.length]);
      for (const m of order) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await m.run(round * RUNS + i);
          times.push(performance.now() - t0);
        }
        samples.get(m.name)?.push(...times);
        roundMedians.get(m.name)?.push(median(times));
      }
      process.stderr.write(`  round ${round + 1}/${ROUNDS} done\n`);
    }

    const ms = (n: number): string => n.toFixed(1);
    console.log(`\nAt ${feed.cases} cases (${feed.events} events), load average ${os.loadavg()[0].toFixed(2)}:\n`);
    console.log('| measure | median ms | p99 ms | target p99 | per-round medians ms |');
    console.log('|---|---|---|---|---|');
    for (const m of measures) {
      const l = latency(samples.get(m.name) ?? []);
      const rounds = (roundMedians.get(m.name) ?? []).map(ms).join(', ');
      const verdict = l.p99 < m.target ? '' : ' (over)';
      console.log(`| ${m.name} | ${ms(l.p50)} | ${ms(l.p99)} | < ${m.target}${verdict} | ${rounds} |`);
    }
    const first = await new ListCasesHandler(dataSource).execute(
      new ListCasesQuery(COORDINATOR, {}, { page: 1, pageSize: 20 }),
    );
    console.log(`\nUnfiltered total answered: ${first.total} (totalIsEstimate: ${String(first.totalIsEstimate)})`);
    console.log(`Total ${((performance.now() - began) / 60_000).toFixed(1)} min`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await generationPool.end();
    await pool.end();
    if (KEEP) console.log(`Database kept: ${database.name}`);
    else await database.drop();
  }
}

const COORDINATOR: Viewer = { id: '00000000-0000-4000-8000-000000000000', role: 'coordinator' };

/** Every filter of the list with a value the generated data holds, name search, and the statistics. */
async function measuresOver(dataSource: DataSource, latinQueries: readonly string[]): Promise<Measure[]> {
  const list = new ListCasesHandler(dataSource);
  const stats = new GetStatsHandler(dataSource);
  const page = { page: 1, pageSize: 20 };
  const listing = (name: string, filters: CaseListFilters): Measure => ({
    name,
    target: 20,
    run: () => list.execute(new ListCasesQuery(COORDINATOR, { timeZone: ZONE, ...filters }, page)),
  });
  const counting = (name: string, filters: StatsFilters, target: number): Measure => ({
    name,
    target,
    run: () => stats.execute(new GetStatsQuery(COORDINATOR, { timeZone: ZONE, ...filters })),
  });
  const one = async <T>(text: string): Promise<T> => ((await dataSource.query(text)) as T[])[0];
  const sample = await one<{ city: string; facility: string; article: string; lawyer: string | null }>(
    `SELECT (SELECT city FROM read_model.cases WHERE city IS NOT NULL GROUP BY city ORDER BY count(*) DESC LIMIT 1) AS city,
            (SELECT facility_key FROM read_model.cases WHERE facility_key IS NOT NULL
              GROUP BY facility_key ORDER BY count(*) DESC LIMIT 1) AS facility,
            (SELECT a FROM read_model.cases, unnest(articles) a GROUP BY a ORDER BY count(*) DESC LIMIT 1) AS article,
            (SELECT l::text FROM read_model.cases, unnest(lawyer_ids) l GROUP BY l ORDER BY count(*) DESC LIMIT 1) AS lawyer`,
  );
  // A week of detentions in the middle of the generated period, and a month.
  const span = await one<{ week_from: string; week_to: string; month_from: string; month_to: string }>(
    `SELECT to_char(mid - 3, 'YYYY-MM-DD') AS week_from, to_char(mid + 3, 'YYYY-MM-DD') AS week_to,
            to_char(mid - 15, 'YYYY-MM-DD') AS month_from, to_char(mid + 15, 'YYYY-MM-DD') AS month_to
       FROM (SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY detained_at))::date AS mid
               FROM read_model.cases WHERE detained_at IS NOT NULL) m`,
  );
  const week = { from: span.week_from, to: span.week_to };
  const month = { from: span.month_from, to: span.month_to };
  const measures: Measure[] = [
    listing('list: first page', {}),
    listing('list: status', { status: 'in_pretrial_detention' }),
    listing('list: city', { city: sample.city }),
    listing('list: status + city', { status: 'in_pretrial_detention', city: sample.city }),
    listing('list: facility', { facility: sample.facility }),
    listing('list: article', { article: sample.article }),
    listing('list: vulnerability', { vulnerability: 'minor' }),
    listing('list: publicRole', { publicRole: 'journalist' }),
    listing('list: termEnded', { termEnded: true }),
    listing('list: closed=true', { closed: true }),
    listing('list: closed=false', { closed: false }),
    listing('list: tortureAlleged', { tortureAlleged: true }),
    listing('list: detained in a week', { detainedFrom: week.from, detainedTo: week.to }),
    listing('list: sort=fullName', { sort: 'fullName' }),
    listing('list: sort=detainedAt', { sort: 'detainedAt' }),
    listing('list: sort=-detainedAt', { sort: '-detainedAt' }),
    listing('list: sort=lastRecordedAt', { sort: 'lastRecordedAt' }),
    {
      name: 'name search (Latin q, Cyrillic record)',
      target: 20,
      run: (i) => list.execute(new ListCasesQuery(COORDINATOR, { q: latinQueries[i % latinQueries.length] }, page)),
    },
    counting(`stats: a week (${week.from}..${week.to})`, week, 100),
    counting(`stats: a month (${month.from}..${month.to})`, month, 100),
    counting('stats: a month, one city', { ...month, city: sample.city }, 100),
    counting('stats: everything (no period)', {}, 1_000),
  ];
  if (sample.lawyer !== null) measures.splice(6, 0, listing('list: lawyerId', { lawyerId: sample.lawyer }));
  return measures;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
