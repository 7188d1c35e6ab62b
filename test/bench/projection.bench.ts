/**
 * Read-model benchmark: rebuild speed, read latency at scale, and projection lag under writes.
 *
 *   npm run bench:projection            (BENCH_EVENTS=200000 for a quicker run)
 *
 * 1. Generates ~1,000,000 events over ~100,000 cases (about ten per case, a long tail of cases with many hearings)
 *    into a fresh database: the seed's story generator, decided by the real deciders, appended through the
 *    PostgreSQL adapter in multi-event appends. They are not sealed (BENCH_SEALED=1 seals them as the API does):
 *    sealing costs the generation a key per case, and the rebuild one key lookup per case and batch, which is
 *    the encryption's cost rather than the projector's.
 * 2. Times `rebuildReadModels` (the code of `npm run projections:rebuild`, its shadow projected on a thread of its
 *    own) over all of it against a plain read of the whole feed through the same store, in BENCH_ROUNDS interleaved
 *    rounds (default 5): medians and the median of each round's ratio. The thread is started once, before the rounds,
 *    as modules are loaded before them (from the sources it spends about a second transpiling them; the built CLI
 *    loads JavaScript). BENCH_ONE_THREAD=1 also times the rebuild without its thread in every round. Each round
 *    then measures the write floor (write-floor.ts): the round's rebuilt rows loaded by COPY into empty tables and
 *    the same indexes built, by PostgreSQL alone; with the feed's read it bounds the ratio any rebuild could reach.
 * 3. p50/p99 of the case list, a filter (status + city) and a name search (a Latin spelling of a name opened in
 *    Cyrillic), through the API's own query handler.
 * 4. Runs the live projector (polling every 10 ms) while writes arrive at a steady rate through the CommandBus, and
 *    reports the lag from each write's acknowledgement to the commit of the batch that includes it.
 * 5. The same lag while rebuilds run one after another in a process of their own (the code of
 *    `npm run projections:rebuild`), so that what a rebuild costs the live projector shows; for at least one and a
 *    half times a rebuild's duration (from step 2), so that every step of a rebuild, its index builds too, is in it.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createLogger, loadConfig } from '@casetrack/config';
import { PostgresEventStore, sealEventStore } from '@casetrack/event-store';
import { ListCasesHandler, ListCasesQuery, type Viewer } from '@casetrack/read-model';
import { ShadowThread } from '../../apps/cli/src/rebuild/shadow-thread/shadow-thread';
import { SeedModule } from '../../apps/cli/src/seed/seed.module';
import { createTestDatabase } from '../support/test-database';
import { generateFeed } from './projection/generate-events';
import { compareRebuildWithFeed } from './projection/feed-vs-rebuild';
import { type LagResult, measureLag } from './projection/lag';
import { progressLine, timeRuns } from './projection/measure';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);
const LAG_WRITES = Number(process.env.BENCH_LAG_WRITES ?? 2_000);
const LAG_RATE = Number(process.env.BENCH_LAG_RATE ?? 100);
const SEALED = process.env.BENCH_SEALED === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONE_THREAD = process.env.BENCH_ONE_THREAD === '1';

async function main(): Promise<void> {
  const began = performance.now();
  console.log(`Projection benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ROLES: 'api' });
  const pool = new Pool({ connectionString: database.url, max: 12 });
  // Generation only: the events stored are the same, they just skip the wait for the disk on each append.
  const generationPool = new Pool({ connectionString: database.url, max: 10, options: '-c synchronous_commit=off' });
  const store = sealEventStore(new PostgresEventStore(pool), pool, config.masterKey).sealed;
  const dataSource = new DataSource({ type: 'postgres', url: database.url });
  try {
    console.log(`\n1/5 Generating ${TARGET_EVENTS} events (${SEALED ? 'sealed' : 'not sealed'})…`);
    const adapter = new PostgresEventStore(generationPool);
    const generator = SEALED ? sealEventStore(adapter, generationPool, config.masterKey).sealed : adapter;
    const feed = await generateFeed(generator, {
      targetEvents: TARGET_EVENTS,
      window: 2_000,
      concurrency: 8,
      onProgress: progressLine('generated', TARGET_EVENTS, 'events', 100_000),
    });
    // A live events table was written over months and long since vacuumed and checkpointed. Settle the bulk load
    // the same way, so the rebuild below is not also paying for the generation's hint bits, autovacuum and dirty pages.
    console.log('    vacuuming and checkpointing the generated events…');
    await pool.query('VACUUM (ANALYZE) events');
    await pool.query('CHECKPOINT');
    console.log(
      `    ${feed.events} events over ${feed.cases} cases (${(feed.events / feed.cases).toFixed(1)} per case)`,
    );

    console.log(`\n2/5 Rebuilding every read model from the events against reading the feed, ${ROUNDS} rounds…`);
    const thread = ShadowThread.start(config);
    let rebuild: Awaited<ReturnType<typeof compareRebuildWithFeed>>;
    try {
      rebuild = await compareRebuildWithFeed(pool, store, ROUNDS, { thread, oneThread: ONE_THREAD });
    } finally {
      await thread.close();
    }

    console.log(`\n3/5 Reads at ${feed.cases} cases, ${QUERY_RUNS} runs each…`);
    await dataSource.initialize();
    const reads = await measureReads(new ListCasesHandler(dataSource), feed.latinQueries);

    console.log(`\n4/5 Projection lag: ${LAG_WRITES} writes at ${LAG_RATE}/s through the CommandBus…`);
    const app = await NestFactory.createApplicationContext(SeedModule.register(config, createLogger('silent')), {
      logger: false,
    });
    let lag: LagResult;
    let lagDuringRebuild: LagResult;
    let rebuildsDuringLag = 0;
    const lagOptions = { writes: LAG_WRITES, perSecond: LAG_RATE, cases: 100, idleMs: 10 };
    try {
      lag = await measureLag(app.get(CommandBus), pool, store, lagOptions);
      console.log(
        `\n5/5 Projection lag again, while rebuilds run, for one and a half rebuilds at ${LAG_RATE} writes/s…`,
      );
      const rebuilder = await startRebuildLoop(database.url);
      try {
        // Long enough to span a whole rebuild, its index builds at the end included, however large the feed.
        const rebuildSeconds = rebuild.rounds[0].events / rebuild.rebuild;
        const writes = Math.max(LAG_WRITES, Math.ceil(1.5 * rebuildSeconds * LAG_RATE));
        lagDuringRebuild = await measureLag(app.get(CommandBus), pool, store, { ...lagOptions, writes });
      } finally {
        rebuildsDuringLag = await rebuilder.stop();
      }
    } finally {
      await app.close();
    }

    const ms = (n: number): string => `${n.toFixed(1)} ms`;
    console.log('\n| measure | result |');
    console.log('|---|---|');
    const perSecond = (n: number): string => `${Math.round(n)} events/s`;
    console.log(
      `| rebuild (median of ${ROUNDS}) | ${perSecond(rebuild.rebuild)} (${rebuild.rounds[0].events} events; ` +
        `rounds ${rebuild.rounds.map((r) => Math.round(r.rebuild)).join(', ')}) |`,
    );
    console.log(
      `| feed read (median of ${ROUNDS}) | ${perSecond(rebuild.feed)} (rounds ${rebuild.rounds.map((r) => Math.round(r.feed)).join(', ')}) |`,
    );
    console.log(
      `| rebuild / feed | ${rebuild.ratio.toFixed(2)} (median of each round's ratio; ` +
        `${rebuild.rounds.map((r) => (r.rebuild / r.feed).toFixed(2)).join(', ')}) |`,
    );
    console.log(
      `| rebuild / feed with a fold that cost nothing (the ceiling) | ${rebuild.ceiling.toFixed(2)} (median; ` +
        `${rebuild.rounds.map((r) => r.ceiling.toFixed(2)).join(', ')}): the feed's read and PostgreSQL's writing ` +
        `of the same rows and indexes, overlapped perfectly on ${os.cpus().length} CPUs |`,
    );
    if (rebuild.oneThread !== null) {
      console.log(
        `| rebuild on one thread (median of ${ROUNDS}) | ${perSecond(rebuild.oneThread.rebuild)}; ` +
          `/ feed ${rebuild.oneThread.ratio.toFixed(2)} (rounds ${rebuild.rounds.map((r) => Math.round(r.oneThread ?? 0)).join(', ')}) |`,
      );
    }
    console.log(`| load average at each round | ${rebuild.rounds.map((r) => r.load.toFixed(2)).join(', ')} |`);
    for (const [name, l] of Object.entries(reads.latencies)) {
      console.log(`| ${name} | p50 ${ms(l.p50)}, p99 ${ms(l.p99)} (${l.runs} runs) |`);
    }
    console.log(`| name search hits | ${reads.searchHits} of ${QUERY_RUNS} searches found the person |`);
    console.log(`| projection lag | p50 ${ms(lag.p50)}, p99 ${ms(lag.p99)}, max ${ms(lag.max)} (${lag.runs} writes) |`);
    console.log(
      `| of which feed wait | p50 ${ms(lag.feedWait.p50)}, p99 ${ms(lag.feedWait.p99)} (poll + older open transactions) |`,
    );
    console.log(
      `| projection lag during rebuilds | p50 ${ms(lagDuringRebuild.p50)}, p99 ${ms(lagDuringRebuild.p99)}, ` +
        `max ${ms(lagDuringRebuild.max)} (${lagDuringRebuild.runs} writes, ${rebuildsDuringLag} rebuilds swapped in meanwhile) |`,
    );
    console.log(`\nTotal ${((performance.now() - began) / 60_000).toFixed(1)} min`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await store.close();
    await generationPool.end();
    await pool.end();
    await database.drop();
  }
}

/** `npm run projections:rebuild`'s code in a process of its own, rebuilding until stopped (projection/rebuild-loop.ts). */
async function startRebuildLoop(databaseUrl: string): Promise<{ stop(): Promise<number> }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      `${__dirname}/projection/rebuild-loop.ts`,
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the rebuild loop exited with ${String(code)}`)));
    child.once('message', () => resolve());
  });
  return {
    stop: () =>
      new Promise<number>((resolve, reject) => {
        child.removeAllListeners('exit');
        child.once('exit', (code) => reject(new Error(`the rebuild loop exited with ${String(code)}`)));
        child.once('message', (message: { rebuilds: number }) => resolve(message.rebuilds));
        child.send('stop');
      }),
  };
}

async function measureReads(handler: ListCasesHandler, latinQueries: readonly string[]) {
  const viewer: Viewer = { id: '00000000-0000-4000-8000-000000000000', role: 'coordinator' };
  const page = { page: 1, pageSize: 20 };
  const list = (filters: ConstructorParameters<typeof ListCasesQuery>[1]) =>
    handler.execute(new ListCasesQuery(viewer, filters, page));
  await timeRuns(10, () => list({}));
  let searchHits = 0;
  const latencies = {
    'case list (first page)': await timeRuns(QUERY_RUNS, () => list({})),
    'filter status + city': await timeRuns(QUERY_RUNS, () => list({ status: 'in_pretrial_detention', city: 'Almaty' })),
    'name search (Latin q, Cyrillic record)': await timeRuns(QUERY_RUNS, async (i) => {
      const found = await list({ q: latinQueries[i % latinQueries.length] });
      if (found.total > 0) searchHits += 1;
    }),
  };
  return { latencies, searchHits };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
