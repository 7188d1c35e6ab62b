/**
 * Append throughput and latency against a plain INSERT of the same payload, in the same run and database.
 *
 *   npm run bench:append            (BENCH_ROUNDS, BENCH_OPS and BENCH_NOTIFY=1 adjust it)
 *
 * For 1, 8 and 32 concurrent writers, each writer appends single events to its own stream with the exact expected
 * version; the baseline writes the same JSON (data + stored metadata) into a table with no constraints or indexes.
 * `append` is the store as configured by default, which groups appends that arrive while others are in flight into
 * shared statements; `ungrouped` is the same store with one statement per append (appendConcurrency 0).
 * Each configuration runs several rounds (the order of the variants alternates) and the table shows medians. The ratio is
 * the median of each round's append/plain ratio: the two runs of a round are seconds apart, so pairing them cancels
 * most of the drift of a shared machine, which a ratio of the medians would not.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Pool } from 'pg';
import type { EventMetadata, Json, NewEvent } from '../../libs/event-store/src/event-store.port';
import { GENESIS_HASH } from '../../libs/event-store/src/hash-chain';
import { PostgresEventStore } from '../../libs/event-store/src/postgres';
import { createTestDatabase } from '../support/test-database';

const CONCURRENCY = [1, 8, 32];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Operations per run for each concurrency, chosen so that a run takes one to three seconds on an fsync'ing disk. */
const OPS: Record<number, number> = { 1: 2_000, 8: 8_000, 32: 9_600 };
const OPS_SCALE = Number(process.env.BENCH_OPS_SCALE ?? 1);
const WITH_NOTIFY = process.env.BENCH_NOTIFY === '1';

interface RunResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

type Variant = 'append' | 'ungrouped' | 'append+notify' | 'plain';

const data: Json = {
  detainee: {
    fullName: 'Ivan Ivanovich Petrov',
    nameVariants: ['Ivan Petrov', 'I. I. Petrov'],
    city: 'Moscow',
    sex: 'male',
  },
  facility: { kind: 'pretrial_detention', name: 'SIZO-1 "Matrosskaya Tishina"', region: 'Moscow' },
  charges: [{ code: '212.2', article: 'Participation in mass riots' }],
  note: 'Detained at the square after the rally; lawyer admitted after six hours.',
};

function metadata(): EventMetadata {
  return {
    actorId: randomUUID(),
    actorRole: 'lawyer',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2024-03-01T10:00:00.000Z',
    occurredAtPrecision: 'minute',
    schemaVersion: 1,
  };
}

function event(): NewEvent {
  return { eventId: randomUUID(), type: 'DetaineeRegistered', data, metadata: metadata() };
}

/** The metadata as the store writes it (with recordedAt and both hashes), so both variants carry the same bytes. */
function plainMetadata(): string {
  return JSON.stringify({
    ...metadata(),
    recordedAt: new Date().toISOString(),
    prevHash: GENESIS_HASH,
    hash: 'a'.repeat(64),
  });
}

const PLAIN_INSERT = {
  name: 'bench_plain_insert',
  text: 'INSERT INTO plain_inserts (event_id, stream_id, type, data, metadata) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)',
};

async function run(
  writers: number,
  perWriter: number,
  op: (writer: number, i: number) => Promise<void>,
): Promise<RunResult> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < perWriter; i += 1) {
        const t0 = process.hrtime.bigint();
        await op(writer, i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: (writers * perWriter) / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);

async function main(): Promise<void> {
  const began = Date.now();
  console.log(
    `Append benchmark: ${ROUNDS} rounds, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log('Creating the benchmark database…');
  const db = await createTestDatabase();
  const maxWriters = Math.max(...CONCURRENCY);
  const pool = new Pool({ connectionString: db.url, max: maxWriters });
  const stores: Partial<Record<Variant, PostgresEventStore>> = {
    append: new PostgresEventStore(pool),
    // The same store with every append in its own statement: what grouping concurrent appends adds.
    ungrouped: new PostgresEventStore(pool, { appendConcurrency: 0 }),
    ...(WITH_NOTIFY ? { 'append+notify': new PostgresEventStore(pool, { notify: true }) } : {}),
  };
  const variants: Variant[] = [
    'append',
    'ungrouped',
    ...(WITH_NOTIFY ? (['append+notify'] as Variant[]) : []),
    'plain',
  ];
  try {
    // The baseline table has no key, no constraint and no index: the cheapest durable insert of the same payload.
    await pool.query(
      'CREATE TABLE plain_inserts (event_id text, stream_id text, type text, data jsonb, metadata jsonb)',
    );
    const dataText = JSON.stringify(data);

    const operation = (variant: Variant, tag: string): ((writer: number, i: number) => Promise<void>) => {
      if (variant === 'plain') {
        return async (writer) => {
          await pool.query({
            ...PLAIN_INSERT,
            values: [randomUUID(), `${tag}-${writer}`, 'DetaineeRegistered', dataText, plainMetadata()],
          });
        };
      }
      const store = stores[variant] as PostgresEventStore;
      return async (writer, i) => {
        await store.append(`${tag}-${writer}`, [event()], i === 0 ? 'no_stream' : i);
      };
    };

    console.log(`Warming up (${maxWriters} connections, prepared statements, caches)…`);
    for (const variant of variants) await run(maxWriters, 20, operation(variant, `warmup-${variant}`));

    const results = new Map<string, RunResult[]>();
    for (const writers of CONCURRENCY) {
      const perWriter = Math.max(1, Math.round((OPS[writers] * OPS_SCALE) / writers));
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Alternate the order so that neither variant always runs on a fresher (or more bloated) database.
        const order = round % 2 === 1 ? variants : [...variants].reverse();
        for (const variant of order) {
          const result = await run(writers, perWriter, operation(variant, `bench-${writers}-${round}-${variant}`));
          const key = `${writers}:${variant}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(
            `  writers=${String(writers).padStart(2)} round ${round}/${ROUNDS} ${variant.padEnd(13)} ` +
              `${fmt(result.eventsPerSecond).padStart(6)} ev/s  p50 ${fmt(result.p50, 2)} ms  p99 ${fmt(result.p99, 2)} ms`,
          );
        }
      }
    }

    const summary = (writers: number, variant: Variant): RunResult => {
      const runs = results.get(`${writers}:${variant}`) ?? [];
      return {
        eventsPerSecond: median(runs.map((r) => r.eventsPerSecond)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
      };
    };
    const pairedRatio = (writers: number, variant: Variant): number => {
      const appended = results.get(`${writers}:${variant}`) ?? [];
      const plain = results.get(`${writers}:plain`) ?? [];
      return median(appended.map((r, i) => r.eventsPerSecond / plain[i].eventsPerSecond));
    };
    const header = ['writers', 'variant', 'events/s', 'p50 ms', 'p99 ms', 'append/plain'];
    const rows: string[][] = [];
    for (const writers of CONCURRENCY) {
      for (const variant of variants) {
        const s = summary(writers, variant);
        rows.push([
          String(writers),
          variant,
          fmt(s.eventsPerSecond),
          fmt(s.p50, 2),
          fmt(s.p99, 2),
          variant === 'plain' ? '' : `${fmt(100 * pairedRatio(writers, variant))}%`,
        ]);
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
    console.log(
      `\nMedians of ${ROUNDS} rounds; append/plain is the median of the rounds' throughput ratios\n(single-event appends, exact expected version, one stream per writer):\n`,
    );
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    console.log(
      `\nTarget: append >= 60% of plain insert throughput. Total time ${fmt((Date.now() - began) / 1000, 1)} s.`,
    );
  } finally {
    for (const store of Object.values(stores)) await store?.close();
    await pool.end();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
