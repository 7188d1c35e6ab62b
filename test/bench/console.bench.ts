/**
 * The console's board at crisis scale, in a real browser against the real service (issue 15, item 6: the board's
 * first page visible within 1 s at 100,000 cases; initial JavaScript under 300 KB gzip).
 *
 *   npm run bench:console                  (BENCH_EVENTS=200000 for a quicker run)
 *   BENCH_DATABASE=<name> npm run bench:console
 *
 * 1. Generates ~1,000,000 events over ~100,000 cases with bench:projection's generator and builds the read models with
 *    `rebuildReadModels`, as bench:list does; or reuses a database already holding them (BENCH_DATABASE, e.g. one kept
 *    by `BENCH_KEEP=1 npm run bench:list` or by this bench), which is then left in place.
 * 2. Starts the built service as `npm start` runs it (test/browser/support: every role in one process), signs a
 *    coordinator in through the console's form in Debian's chromium.
 * 3. Loads the board BENCH_LOADS times (default 7, at least 5) in each of two ways, interleaved: cold (a new browser
 *    context: empty HTTP cache, signed in with the same cookie) and warm (a reload in a context that loaded it
 *    before). Each time is from the navigation's start to the first case row being visible. Prints the medians and
 *    every sample.
 *    The API calls made before the first rows showed are timed too (median per path), to tell the list's answer from
 *    the page's own work.
 * 4. Prints the console's initial JavaScript gzipped: the entry script of dist/web/index.html with the chunks it
 *    preloads, and, as loaded, every script the browser fetched to show the board.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore } from '@casetrack/event-store';
import { rebuildReadModels } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { ApiClient } from '../browser/support/api-client';
import { newContext } from '../browser/support/browser';
import { signIn } from '../browser/support/console';
import { startSuite } from '../browser/support/suite';
import { createTestDatabase } from '../support/test-database';
import { generateFeed } from './projection/generate-events';
import { median, progressLine } from './projection/measure';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LOADS = Math.max(5, Number(process.env.BENCH_LOADS ?? 7));
const REUSED = process.env.BENCH_DATABASE?.trim() || null;
const KEEP = process.env.BENCH_KEEP === '1';
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WEB = join(__dirname, '..', '..', 'dist', 'web');

/** The board's first case row: each row links to its case page. */
function firstRow(page: Page): ReturnType<Page['locator']> {
  return page.locator('main a[href^="/cases/"]').first();
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log(`Console benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const { url, drop } = await benchDatabase();
  try {
    const cases = await countCases(url);
    console.log(`\n2/3 Starting the service on ${cases} cases and signing a coordinator in…`);
    const suite = await startSuite({ databaseUrl: url });
    try {
      const coordinator = await new ApiClient(suite.service.baseUrl).createAccount('coordinator', 'Bench Coordinator');
      const signedIn = await newContext(suite.browser, suite.service.baseUrl);
      await signIn(await signedIn.newPage(), coordinator);
      const storageState = await signedIn.storageState();
      await signedIn.close();

      console.log(`\n3/3 ${LOADS} cold and ${LOADS} warm loads of the board, interleaved…`);
      const cold: number[] = [];
      const warm: number[] = [];
      const warmContext = await newContext(suite.browser, suite.service.baseUrl, { storageState });
      const warmPage = await warmContext.newPage();
      await timeBoard(warmPage, () => warmPage.goto('/board')); // fills the warm context's cache once
      let scripts = new Map<string, number>();
      /** The API calls of the cold loads until the first row showed: path -> milliseconds of each. */
      const apiTimes = new Map<string, number[]>();
      for (let i = 0; i < LOADS; i++) {
        const context = await newContext(suite.browser, suite.service.baseUrl, { storageState });
        const page = await context.newPage();
        const fetched = recordScripts(page);
        const calls = recordApiCalls(page);
        cold.push(await timeBoard(page, () => page.goto('/board')));
        await fetched.settled();
        scripts = fetched.sizes;
        for (const [path, ms] of calls) apiTimes.set(path, [...(apiTimes.get(path) ?? []), ms]);
        await context.close();
        warm.push(await timeBoard(warmPage, () => warmPage.reload()));
      }
      await warmContext.close();

      const ms = (n: number): string => n.toFixed(0);
      console.log(`\nThe board's first rows at ${cases} cases, load average ${os.loadavg()[0].toFixed(2)}:\n`);
      console.log('| load | median ms | samples ms |');
      console.log('|---|---|---|');
      console.log(`| cold (new context, empty cache) | ${ms(median(cold))} | ${cold.map(ms).join(', ')} |`);
      console.log(`| warm (reload) | ${ms(median(warm))} | ${warm.map(ms).join(', ')} |`);
      console.log('\nAPI calls of the cold loads (from request to the end of the answer), median ms:');
      for (const [path, times] of apiTimes) console.log(`  ${path}: ${ms(median(times))} (${times.length} calls)`);
      printInitialJavaScript(scripts);
    } finally {
      await suite.close();
    }
    console.log(`\nTotal ${((performance.now() - began) / 60_000).toFixed(1)} min`);
  } finally {
    await drop();
  }
}

/** The milliseconds from starting `navigate` to the board's first case row being visible. */
async function timeBoard(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await navigate();
  await firstRow(page).waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - t0;
}

/** The scripts a page fetches (path -> gzipped size of the file served); `settled` waits for the bodies read so far. */
function recordScripts(page: Page): { sizes: Map<string, number>; settled: () => Promise<unknown> } {
  const sizes = new Map<string, number>();
  const pending: Array<Promise<unknown>> = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.endsWith('.js')) return;
    pending.push(
      response.body().then(
        (body) => sizes.set(path, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  return { sizes, settled: () => Promise.all(pending) };
}

/** The API calls a page makes (method and path, without the query) with how long each took to answer in full. */
function recordApiCalls(page: Page): Array<[string, number]> {
  const calls: Array<[string, number]> = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/v1/')) return;
    const timing = request.timing();
    calls.push([`${request.method()} ${url.pathname}`, timing.responseEnd]);
  });
  return calls;
}

function printInitialJavaScript(loaded: Map<string, number>): void {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const entry = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const entryTotal = [...new Set(entry)].reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length,
    0,
  );
  const loadedTotal = [...loaded.values()].reduce((sum, size) => sum + size, 0);
  console.log(`\nInitial JavaScript, gzip level 9 (budget 300 KB):`);
  console.log(`  index.html's entry and preloads: ${kb(entryTotal)} (${[...new Set(entry)].join(', ')})`);
  console.log(`  fetched to show the board (entry + route chunks): ${kb(loadedTotal)} in ${loaded.size} files`);
  for (const [path, size] of [...loaded].sort((a, b) => b[1] - a[1])) console.log(`    ${path}: ${kb(size)}`);
}

/** BENCH_DATABASE, or a fresh database with the generated cases (dropped at the end unless BENCH_KEEP=1). */
async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (REUSED) {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${REUSED}`;
    console.log(`\n1/3 Reusing the database ${REUSED}`);
    return { url: url.toString(), drop: async () => undefined };
  }
  const database = await createTestDatabase();
  loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ROLES: 'api' });
  const pool = new Pool({ connectionString: database.url, max: 12 });
  const generationPool = new Pool({ connectionString: database.url, max: 10, options: '-c synchronous_commit=off' });
  try {
    console.log(`\n1/3 Generating ${TARGET_EVENTS} events and building the read models…`);
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
  } finally {
    await generationPool.end();
    await pool.end();
  }
  return {
    url: database.url,
    drop: async () => {
      if (KEEP) console.log(`Database kept: ${database.name} (BENCH_DATABASE=${database.name} reuses it)`);
      else await database.drop();
    },
  };
}

async function countCases(url: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM read_model.cases');
    return rows[0].n;
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
