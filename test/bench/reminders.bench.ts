/**
 * Reminder scheduling and firing precision with one worker process.
 *
 *   npm run bench:reminders      (BENCH_REMINDERS, BENCH_SPREAD_S, BENCH_CONCURRENCY adjust it)
 *
 * Inserts BENCH_REMINDERS (100,000) pending reminder rows due over a window that starts BENCH_LEAD_S (40) s from now
 * and lasts BENCH_SPREAD_S (300) seconds, in its own database, Redis database (6) and queue. Times the dispatcher turning them
 * all into BullMQ delayed jobs, then runs the dispatcher and one worker (the real delivery path: row lock, message,
 * mark sent) with an in-memory channel that records when each reminder fired. Prints the scheduling rate, how late
 * after its due time each one fired (p50/p99/max), and how many are missing or came twice.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { loadConfig } from '../../libs/config/src';
import type { OutgoingReminder, Recipient, ReminderChannel } from '../../libs/reminders/src/delivery/channels';
import { WorkerRole } from '../../libs/reminders/src/worker-role';
import { createTestDatabase } from '../support/test-database';

const TOTAL = Number(process.env.BENCH_REMINDERS ?? 100_000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_S ?? 300) * 1_000;
const START_IN_MS = Number(process.env.BENCH_LEAD_S ?? 40) * 1_000;
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '30';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/6';

/** Records each delivery: when it fired against when it was due. */
class RecordingChannel implements ReminderChannel {
  readonly name = 'memory';
  readonly fired = new Map<string, number[]>();

  addressOf(recipient: Recipient): string | null {
    return recipient.email;
  }

  async send(_address: string, reminder: OutgoingReminder): Promise<void> {
    const lateness = Date.now() - Date.parse(reminder.dueAt);
    const list = this.fired.get(reminder.reminderId);
    if (list) list.push(lateness);
    else this.fired.set(reminder.reminderId, [lateness]);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: Number(CONCURRENCY) + 5 });
  const queueName = `reminders-bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL,
    REMINDER_QUEUE: queueName,
    WORKER_CONCURRENCY: CONCURRENCY,
  });
  const channel = new RecordingChannel();
  const role = new WorkerRole(pool, config, undefined, { channels: [channel] });
  try {
    await pool.query(
      `INSERT INTO users (id, email, name, role, password_hash)
       SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'lawyer' || i || '@bench.test',
              'Lawyer ' || i, 'lawyer', 'x'
         FROM generate_series(1, 100) AS i`,
    );
    const start = Date.now() + START_IN_MS;
    const inserted = Date.now();
    await pool.query(
      `INSERT INTO reminders (id, case_id, kind, subject_id, recipient_user_id, offset_ms, due_at, state, payload)
       SELECT gen_random_uuid(), c, 'hearing', 'h' || i, ('00000000-0000-4000-8000-' || lpad((1 + i % 100)::text, 12, '0'))::uuid,
              3600000, to_timestamp(($1::bigint + (i::bigint * $2::bigint) / $3::bigint) / 1000.0), 'pending',
              jsonb_build_object('kind', 'hearing', 'caseId', c, 'hearingId', 'h' || i, 'hearingKind', 'trial',
                                 'court', 'City court', 'scheduledAt', '2030-01-01T00:00:00Z')
         FROM generate_series(0, $3::int - 1) AS i, LATERAL (SELECT gen_random_uuid() AS c) AS k`,
      [start, SPREAD_MS, TOTAL],
    );
    console.log(
      `inserted ${TOTAL} reminder rows in ${Date.now() - inserted} ms; due from +${START_IN_MS / 1000}s over ${SPREAD_MS / 1000}s`,
    );

    const t0 = performance.now();
    const scheduled = await role.dispatcher.dispatchDue();
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `scheduled ${scheduled} delayed jobs in ${seconds.toFixed(2)} s: ${Math.round(scheduled / seconds)} reminders/s`,
    );
    if (Date.now() > start) console.log('warning: scheduling took longer than the lead time; early ones fire late');

    role.start();
    const deadline = start + SPREAD_MS + 60_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const { rows } = await pool.query<{ state: string; n: string }>(
        `SELECT state, count(*) AS n FROM reminders GROUP BY state ORDER BY state`,
      );
      const states = rows.map((r) => `${r.state}=${r.n}`).join(' ');
      console.log(`t=${((Date.now() - start) / 1000).toFixed(0)}s delivered=${channel.fired.size} ${states}`);
      if (channel.fired.size >= TOTAL || Date.now() > deadline) break;
    }
    // Past the last due time: anything still arriving would be a duplicate.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const lateness = [...channel.fired.values()].map((list) => list[0]).sort((a, b) => a - b);
    const duplicates = [...channel.fired.values()].reduce((n, list) => n + list.length - 1, 0);
    console.log('');
    console.log(`| reminders | scheduled/s | late p50 | late p99 | late max | missing | twice |`);
    console.log(`|---|---|---|---|---|---|---|`);
    console.log(
      `| ${TOTAL} | ${Math.round(scheduled / seconds)} | ${percentile(lateness, 50)} ms | ${percentile(lateness, 99)} ms | ` +
        `${lateness[lateness.length - 1]} ms | ${TOTAL - channel.fired.size} | ${duplicates} |`,
    );
    console.log(`(one worker, concurrency ${CONCURRENCY}; lateness = time the channel was called minus due time)`);
  } finally {
    await role.stop();
    const queue = new Queue(queueName, { connection: { url: REDIS_URL }, prefix: config.redisPrefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pool.end();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
