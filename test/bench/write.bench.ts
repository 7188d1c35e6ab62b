/**
 * Writes through the real service against a bare durable write, in the same run and database.
 *
 *   npm run bench:write          (BENCH_ROUNDS, BENCH_WRITES, BENCH_PROFILE=0 adjust it; BENCH_KEYED=1 sends
 *                                 every service note with its own Idempotency-Key, as the console does)
 *
 * Two servers run as child processes of this one, which only sends requests (so neither shares an event loop with
 * the clients): the service (`createApp`, ROLES=api, production log level) and a bare `node:http` server that does
 * one INSERT of the same JSON per request into a table of the same database. At 32 clients, each adding notes to its
 * own case, rounds of the two alternate (the order flips every round); the table shows medians, and the ratio is the
 * median of each round's service/bare ratio, so both sides of a ratio were measured seconds apart. Then: one client's
 * note on a case of 1,000 events against a note on a new case (interleaved rounds), reads of one case's detail at 32
 * clients (with the projector role on, once it has caught up), and a CPU profile of the service under the write load,
 * summarised by self time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { KEEP_ALIVE_MS } from '../../apps/api/src/bootstrap';
import { createTestDatabase } from '../support/test-database';
import { latency, median } from './projection/measure';
import { BenchClient } from './support/http-client';
import { type Child, portOf, profiler, serviceEnv, startChild, startService } from './support/service-child';
import { serveStackFloor } from './support/stack-floor';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLIENTS = 32;
/** Writes per run at 32 clients: long enough for a steady state (a couple of seconds), short enough for 5 rounds. */
const WRITES = Number(process.env.BENCH_WRITES ?? 3_200);
const SINGLE_NOTES = 200;
const LONG_CASE = Number(process.env.BENCH_LONG_CASE ?? 1_000);
const READS = 6_400;
const PROFILE = process.env.BENCH_PROFILE !== '0';
/** The console sends every write with a key: the key's record is read before the append and written after it. */
const KEYED = process.env.BENCH_KEYED === '1';
/** Which of the four parts to run (BENCH_PARTS=1,3 for writes and reads only); all by default. */
const PARTS = new Set((process.env.BENCH_PARTS ?? '1,2,3,4').split(',').map(Number));
const ADMIN = { email: 'bench-admin@casetrack.test', password: 'bench-admin-password' };
const NOTE = { text: 'Visited at the detention centre; he has not been given his medication since Tuesday.' };

interface RunResult {
  perSecond: number;
  p50: number;
  p99: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The bare server's child role (the service's is in support/service-child.ts)

/** One INSERT of the request's JSON (with the metadata an event carries) per request, answered like a write. */
async function serveBare(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  const insert = {
    name: 'bench_bare_insert',
    text: 'INSERT INTO bare_writes (id, stream_id, data, metadata) VALUES ($1, $2, $3::jsonb, $4::jsonb)',
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = randomUUID();
      const body = Buffer.concat(chunks).toString('utf8');
      const metadata = JSON.stringify({ actorId: id, recordedAt: new Date().toISOString(), path: request.url });
      pool.query({ ...insert, values: [id, request.url, body, metadata] }).then(
        () => {
          response.writeHead(201, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ id }));
        },
        (error: Error) => {
          response.writeHead(500);
          response.end(error.message);
        },
      );
    });
  });
  // The service's keep-alive (bootstrap.ts): sockets idle between rounds stay open on both sides alike.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.listen(0, '127.0.0.1', () => process.send?.({ port: portOf(server) }));
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

// ---------------------------------------------------------------------------------------------------------------
// Driver

const clients = new Map<number, BenchClient>();

/** The client of the server on `port`: CLIENTS keep-alive sockets. */
function on(port: number): BenchClient {
  const client = clients.get(port) ?? new BenchClient(port, CLIENTS);
  clients.set(port, client);
  return client;
}

/** `total` operations spread over `clients` loops; each loop waits for its answer before sending the next. */
async function run(clients: number, total: number, op: (client: number) => Promise<void>): Promise<RunResult> {
  const latencies: number[] = [];
  const perClient = Math.ceil(total / clients);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i += 1) {
        const t0 = performance.now();
        await op(client);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { p50, p99 } = latency(latencies);
  return { perSecond: latencies.length / seconds, p50, p99 };
}

function summary(runs: RunResult[]): RunResult {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);
const line = (label: string, r: RunResult, unit: string): string =>
  `${label.padEnd(22)} ${fmt(r.perSecond).padStart(6)} ${unit}  p50 ${fmt(r.p50, 1).padStart(5)} ms  p99 ${fmt(r.p99, 1).padStart(5)} ms`;

async function main(): Promise<void> {
  const began = Date.now();
  console.log(
    `Write benchmark: ${ROUNDS} rounds, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}` +
      (KEYED ? ', service notes sent with an Idempotency-Key each' : ''),
  );
  console.log('Creating the benchmark database…');
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 2 });
  let service: Child | null = null;
  let bare: Child | null = null;
  let floor: Child | null = null;
  try {
    await pool.query('CREATE TABLE bare_writes (id uuid PRIMARY KEY, stream_id text, data jsonb, metadata jsonb)');
    service = await startService(serviceEnv(database.url, 'api', ADMIN));
    bare = await startChild(__filename, 'bare', { DATABASE_URL: database.url });
    floor = await startChild(__filename, 'floor', { DATABASE_URL: database.url });
    const token = await on(service.port).coordinator(ADMIN, 'bench');

    console.log(`Opening ${CLIENTS} cases and one of ${LONG_CASE} events…`);
    const cases = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => on(service!.port).openCase(token, `Bench Detainee ${i}`)),
    );
    const longCase = await on(service.port).openCase(token, 'Bench Long Case');
    for (let i = 1; PARTS.has(2) && i < LONG_CASE; i += 1) {
      await on(service.port).expect(201, `/v1/cases/${longCase}/notes`, { token, body: NOTE });
    }

    const serviceNote = (port: number) => async (client: number) => {
      const headers: Record<string, string> = KEYED ? { 'idempotency-key': randomUUID() } : {};
      await on(port).expect(201, `/v1/cases/${cases[client]}/notes`, { token, body: NOTE, headers });
    };
    const bareNote = (port: number) => async (client: number) => {
      await on(port).expect(201, `/v1/cases/${cases[client]}/notes`, { body: NOTE });
    };

    console.log('Warming up the three servers…');
    await run(CLIENTS, 640, serviceNote(service.port));
    await run(CLIENTS, 640, bareNote(bare.port));
    await run(CLIENTS, 640, bareNote(floor.port));

    console.log(`\n1/4 ${CLIENTS} clients, each adding notes to its own case, ${WRITES} writes per run:`);
    const sides = {
      service: serviceNote(service.port),
      bare: bareNote(bare.port),
      'stack floor': bareNote(floor.port),
    };
    const runs: Record<keyof typeof sides, RunResult[]> = { service: [], bare: [], 'stack floor': [] };
    const names = Object.keys(sides) as Array<keyof typeof sides>;
    for (let round = 1; PARTS.has(1) && round <= ROUNDS; round += 1) {
      // Each side goes first, second and last in turn, so that none always follows another.
      for (let k = 0; k < names.length; k += 1) {
        const side = names[(round + (round % 2 === 0 ? k : names.length - k)) % names.length];
        const result = await run(CLIENTS, WRITES, sides[side]);
        runs[side].push(result);
        console.log(`  round ${round}/${ROUNDS} ${line(side, result, 'writes/s')}`);
      }
    }
    const pairedRatio = (a: RunResult[], b: RunResult[]): number =>
      median(a.map((r, i) => r.perSecond / b[i].perSecond));
    const ratio = pairedRatio(runs.service, runs.bare);
    const floorRatio = pairedRatio(runs['stack floor'], runs.bare);
    const ofFloor = pairedRatio(runs.service, runs['stack floor']);

    console.log(`\n2/4 One client: a note on a case of ${LONG_CASE}+ events against a note on a new case:`);
    const longRuns: RunResult[] = [];
    const newRuns: RunResult[] = [];
    for (let round = 1; PARTS.has(2) && round <= ROUNDS; round += 1) {
      const fresh = await on(service.port).openCase(token, `Bench New Case ${round}`);
      const onCase = (caseId: string) => async () => {
        await on(service!.port).expect(201, `/v1/cases/${caseId}/notes`, { token, body: NOTE });
      };
      const order = round % 2 === 1 ? (['new', 'long'] as const) : (['long', 'new'] as const);
      for (const which of order) {
        const result = await run(1, SINGLE_NOTES, onCase(which === 'new' ? fresh : longCase));
        (which === 'new' ? newRuns : longRuns).push(result);
        console.log(`  round ${round}/${ROUNDS} ${line(`${which} case`, result, 'notes/s')}`);
      }
    }
    const lengthRatio = median(longRuns.map((r, i) => r.p50 / newRuns[i].p50));

    const readRuns: RunResult[] = [];
    let readProfile: string[] = [];
    if (PARTS.has(3)) {
      console.log('\n3/4 Reads of one case at 32 clients (the service restarted with the projector role, caught up):');
      await service.stop();
      // The projector on its thread, as `npm start` runs it beside the API.
      service = await startService({ ...serviceEnv(database.url, 'api,projector', ADMIN), PROJECTOR_THREAD: 'true' });
      const servicePort = service.port;
      const { rows } = await pool.query<{ version: number }>(
        'SELECT max(version)::int AS version FROM events WHERE stream_id = $1',
        [`case-${cases[0]}`],
      );
      const headVersion = rows[0]?.version ?? 0;
      for (;;) {
        const answer = await on(servicePort).call(`/v1/cases/${cases[0]}`, { token });
        if (answer.status === 200 && (JSON.parse(answer.body) as { version?: number }).version === headVersion) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (let round = 1; round <= ROUNDS; round += 1) {
        const result = await run(CLIENTS, READS, async () => {
          await on(servicePort).expect(200, `/v1/cases/${cases[0]}`, { token });
        });
        readRuns.push(result);
        console.log(`  round ${round}/${ROUNDS} ${line('GET case', result, 'reads/s')}`);
      }
      if (PROFILE) {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'casetrack-read-profile-')), 'service.cpuprofile');
        await profiler(service, { profile: 'start' });
        await run(CLIENTS, READS / 2, async () => {
          await on(servicePort).expect(200, `/v1/cases/${cases[0]}`, { token });
        });
        await profiler(service, { profile: 'stop', file });
        readProfile = summariseProfile(file);
      }
      await service.stop();
      service = null;
    }

    let profileSummary: string[] = [];
    if (PROFILE && PARTS.has(4)) {
      console.log('\n4/4 CPU profile of the service (ROLES=api) under the 32-client write load…');
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'casetrack-write-profile-')), 'service.cpuprofile');
      await service?.stop();
      const profiled = await startService(serviceEnv(database.url, 'api', ADMIN));
      service = profiled;
      await run(CLIENTS, 640, serviceNote(profiled.port));
      await profiler(profiled, { profile: 'start' });
      await run(CLIENTS, WRITES, serviceNote(profiled.port));
      await profiler(profiled, { profile: 'stop', file });
      profileSummary = summariseProfile(file);
      console.log(`    the profile: ${file} (open it in Chrome DevTools or speedscope)`);
    }

    const s = summary(runs.service);
    const b = summary(runs.bare);
    const reads = summary(readRuns);
    console.log('\nMedians:');
    console.log(`  ${line('service', s, 'writes/s')}`);
    console.log(`  ${line('bare INSERT server', b, 'writes/s')}`);
    console.log(`  ${line('stack floor', summary(runs['stack floor']), 'writes/s')}`);
    console.log(`  service/bare writes/s (median of paired rounds): ${ratio.toFixed(2)}  (target ≥ 0.50, p99 < 50 ms)`);
    console.log(
      `  stack floor/bare: ${floorRatio.toFixed(2)} (NestJS, validation and the command bus alone can reach no more); ` +
        `service/stack floor: ${ofFloor.toFixed(2)}`,
    );
    console.log(`  ${line('GET one case', reads, 'reads/s')}  (target ≥ 2,000/s)`);
    console.log(
      `  one client, note p50: new case ${fmt(summary(newRuns).p50, 2)} ms, case of ${LONG_CASE}+ events ` +
        `${fmt(summary(longRuns).p50, 2)} ms, ratio ${lengthRatio.toFixed(2)} (target ≤ 1.20)`,
    );
    if (profileSummary.length)
      console.log(`\nWhere the service's CPU goes, writes (self time):\n${profileSummary.join('\n')}`);
    if (readProfile.length)
      console.log(`\nWhere the service's CPU goes, reads (self time):\n${readProfile.join('\n')}`);
    console.log(
      `\nDone in ${((Date.now() - began) / 1000).toFixed(0)} s (load average now ${os.loadavg()[0].toFixed(2)}).`,
    );
  } finally {
    await service?.stop();
    await bare?.stop();
    await floor?.stop();
    for (const client of clients.values()) client.close();
    await pool.end();
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Profile summary

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Where a function lives, coarsely: a package, our code (by top folder), Node.js itself, or the engine. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(engine/native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node (core)';
  const ours = /\/(apps|libs)\/([^/]+)\//.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : path.basename(url);
}

function summariseProfile(file: string): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const total = profile.samples.length;
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    const fn = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${place}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, n: number): string[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)} %  ${key}`);
  return [
    `  ${total} samples over ${((total * msPerSample) / 1000).toFixed(1)} s; by place:`,
    ...top(byPlace, 15),
    '  by function:',
    ...top(byFunction, 20),
  ];
}

// ---------------------------------------------------------------------------------------------------------------

const role = process.argv[2];
const roles: Record<string, () => Promise<void>> = { bare: serveBare, floor: serveStackFloor };
const started = (roles[role] ?? main)();
started.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
