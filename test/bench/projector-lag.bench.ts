/**
 * Projection lag under a burst of writes through the real HTTP API.
 *
 *   npm run bench:lag            (BENCH_ROUNDS, BENCH_RATE, BENCH_SECONDS, BENCH_CASES adjust it)
 *
 * The service runs as a child process of this one (`createApp`, ROLES=api,projector: the API and the live projector
 * in one process, as `npm start` runs them), so the driver's clients never share its event loop. Each round sends
 * notes and other everyday writes to BENCH_CASES cases at a steady BENCH_RATE per second (default 500) for
 * BENCH_SECONDS, open loop: a write leaves at its time whether or not earlier ones were answered. Meanwhile the
 * driver reads the live checkpoint every few milliseconds; a write's lag is the time from its answer (201, with its
 * position) to the first reading whose checkpoint includes it in feed order (transaction id, position), as a client
 * asking for read-your-writes would see it. Medians over rounds of each round's p50, p99 and max. The feed wait is the
 * part before the feed could show the write at all (its transaction id below the cluster's oldest open one): time
 * that other transactions, not the projector, cost.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { createTestDatabase } from '../support/test-database';
import { latency, median } from './projection/measure';
import { BenchClient } from './support/http-client';
import { type Child, startService } from './support/service-child';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CASES = Number(process.env.BENCH_CASES ?? 200);
/** How often the driver reads the checkpoint: the resolution of every lag figure. */
const SAMPLE_MS = 2;
/**
 * Where the projector runs: `thread` (default, as `npm start` runs it: a worker thread of the API's process), `loop`
 * (the API's own event loop, PROJECTOR_THREAD=false) or `process` (a process of its own, ROLES=projector).
 */
const PROJECTOR = process.env.BENCH_PROJECTOR ?? 'thread';
const SPLIT = PROJECTOR === 'process';
const ADMIN = { email: 'lag-admin@casetrack.test', password: 'lag-admin-password' };

// ---------------------------------------------------------------------------------------------------------------
// Driver

/** The everyday writes of ongoing cases, in turn. */
function everydayWrite(i: number): { path: string; body: Record<string, unknown> } {
  switch (i % 3) {
    case 0:
      return { path: '/notes', body: { text: 'Lawyer visited; no access to the case file.' } };
    case 1:
      return { path: '/access-denials', body: { who: 'lawyer' } };
    default:
      return { path: '/medical', body: { kind: 'need', details: 'Needs insulin.' } };
  }
}

interface Sent {
  answeredAt: number;
  position: number;
  /** When the feed first showed the event: every transaction that began before its commit had ended. */
  visibleAt?: number;
}

/** Reads the live checkpoint every SAMPLE_MS and settles each answered write once the checkpoint includes it. */
class LagSampler {
  private running = true;
  private readonly waiting: Sent[] = [];
  readonly lags: number[] = [];
  /** The part of each lag before the feed could show the event (older open transactions anywhere in the cluster). */
  readonly feedWaits: number[] = [];
  private readonly loop: Promise<void>;

  constructor(private readonly pool: Pool) {
    this.loop = this.run();
  }

  add(sent: Sent): void {
    this.waiting.push(sent);
  }

  get pending(): number {
    return this.waiting.length;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    const txids = new Map<number, bigint>();
    while (this.running) {
      const unknown = this.waiting.filter((w) => !txids.has(w.position)).map((w) => w.position);
      if (unknown.length > 0) {
        const { rows } = await this.pool.query<{ position: string; txid: string }>(
          'SELECT position, transaction_id::text AS txid FROM events WHERE position = ANY($1::bigint[])',
          [unknown],
        );
        for (const row of rows) txids.set(Number(row.position), BigInt(row.txid));
      }
      const { rows } = await this.pool.query<{ xmin: string; position: string | null; txid: string | null }>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, c.position, e.transaction_id::text AS txid
           FROM (SELECT 1) one
           LEFT JOIN read_model.checkpoint c ON c.name = 'cases'
           LEFT JOIN events e ON e.position = c.position`,
      );
      const now = performance.now();
      const xmin = BigInt(rows[0].xmin);
      for (const sent of this.waiting) {
        const txid = txids.get(sent.position);
        if (sent.visibleAt === undefined && txid !== undefined && txid < xmin) sent.visibleAt = now;
      }
      if (rows[0].position !== null && rows[0].txid !== null) {
        const at = { txid: BigInt(rows[0].txid), position: Number(rows[0].position) };
        for (let i = this.waiting.length - 1; i >= 0; i--) {
          const sent = this.waiting[i];
          const txid = txids.get(sent.position);
          if (txid === undefined) continue;
          if (txid < at.txid || (txid === at.txid && sent.position <= at.position)) {
            this.lags.push(Math.max(0, now - sent.answeredAt));
            this.feedWaits.push(Math.max(0, (sent.visibleAt ?? now) - sent.answeredAt));
            this.waiting.splice(i, 1);
            txids.delete(sent.position);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  }
}

interface RoundResult {
  rate: number;
  writeP99: number;
  p50: number;
  p99: number;
  max: number;
  feedWaitP99: number;
}

async function round(
  api: BenchClient,
  token: string,
  cases: readonly string[],
  pool: Pool,
  seconds: number,
): Promise<RoundResult> {
  const sampler = new LagSampler(pool);
  const total = RATE * seconds;
  const writeTimes: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, body } = everydayWrite(i);
    const sentAt = performance.now();
    inFlight.push(
      api.expect(201, `/v1/cases/${cases[i % cases.length]}${path}`, { token, body }).then((answer) => {
        const answeredAt = performance.now();
        writeTimes.push(answeredAt - sentAt);
        sampler.add({ answeredAt, position: answer.position as number });
      }),
    );
  }
  await Promise.all(inFlight);
  const rate = total / ((performance.now() - started) / 1000);
  const deadline = performance.now() + 30_000;
  while (sampler.pending > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  await sampler.stop();
  if (sampler.pending > 0) throw new Error(`${sampler.pending} writes were not projected within 30 s`);
  const lag = latency(sampler.lags);
  return {
    rate,
    writeP99: latency(writeTimes).p99,
    p50: lag.p50,
    p99: lag.p99,
    max: Math.max(...sampler.lags),
    feedWaitP99: latency(sampler.feedWaits).p99,
  };
}

async function main(): Promise<void> {
  console.log(
    `Projector lag benchmark: ${RATE} writes/s for ${SECONDS} s, ${ROUNDS} rounds, ${CASES} cases, ` +
      `projector on a ${PROJECTOR}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 2 });
  let service: Child | null = null;
  let projector: Child | null = null;
  let api: BenchClient | null = null;
  try {
    service = await startService({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      ROLES: SPLIT ? 'api' : 'api,projector',
      PROJECTOR_THREAD: String(PROJECTOR === 'thread'),
      // The production default: one log line per request, as a deployment writes it.
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    if (SPLIT) {
      projector = await startService({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        ROLES: 'projector',
        LOG_LEVEL: 'info',
        BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      });
    }
    const client = new BenchClient(service.port, 128);
    api = client;
    const { token } = await client.account(await client.signIn(ADMIN.email, ADMIN.password), {
      email: 'lag-coordinator@casetrack.test',
      password: 'a-long-bench-password',
      name: 'Lag Coordinator',
      role: 'coordinator',
    });
    const cases: string[] = [];
    for (let i = 0; i < CASES; i += 20) {
      const opened = await Promise.all(
        Array.from({ length: Math.min(20, CASES - i) }, (_, k) =>
          client.expect(201, '/v1/cases', {
            token,
            body: {
              detainee: { fullName: `Lag Probe ${i + k}`, nameVariants: [], city: 'Almaty' },
              source: { kind: 'ngo' },
            },
          }),
        ),
      );
      cases.push(...opened.map((o) => o.caseId as string));
    }
    console.log('Warming up (one second at the same rate)…');
    await round(client, token, cases, pool, 1);
    const rounds: RoundResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const result = await round(client, token, cases, pool, SECONDS);
      rounds.push(result);
      console.log(
        `  round ${r + 1}/${ROUNDS}: ${result.rate.toFixed(0)} writes/s (write p99 ${result.writeP99.toFixed(1)} ms); ` +
          `lag p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms ` +
          `(feed wait p99 ${result.feedWaitP99.toFixed(1)} ms)`,
      );
    }
    const ms = (n: number): string => `${n.toFixed(1)} ms`;
    console.log('\n| measure (median of rounds) | result |');
    console.log('|---|---|');
    console.log(`| writes through the API | ${median(rounds.map((r) => r.rate)).toFixed(0)}/s |`);
    console.log(`| write latency p99 | ${ms(median(rounds.map((r) => r.writeP99)))} |`);
    console.log(
      `| projection lag | p50 ${ms(median(rounds.map((r) => r.p50)))}, p99 ${ms(median(rounds.map((r) => r.p99)))}, ` +
        `max ${ms(median(rounds.map((r) => r.max)))} (sampled every ${SAMPLE_MS} ms) |`,
    );
    console.log(
      `| of which feed wait | p99 ${ms(median(rounds.map((r) => r.feedWaitP99)))} (until no older transaction ` +
        `anywhere in the cluster was open, so the feed could show the write) |`,
    );
  } finally {
    await service?.stop();
    await projector?.stop();
    await pool.end();
    api?.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
