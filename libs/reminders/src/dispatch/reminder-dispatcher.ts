import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Logger } from '@casetrack/config';
import { DELIVER_JOB, type ReminderJobData, reminderJobId } from '../queue/reminder-queue';
import { Periodic } from './periodic';

export interface DispatcherOptions {
  /** Pending reminders due within this window become delayed jobs. */
  horizonMs: number;
  attempts: number;
  backoffMs: number;
  intervalMs?: number;
  reconcileIntervalMs?: number;
  batchSize?: number;
  logger?: Logger;
}

interface DueRow {
  id: string;
  due_at: Date;
}

/**
 * Turns reminder rows into BullMQ delayed jobs. PostgreSQL holds the truth; Redis only holds jobs for what falls
 * due soon, so whatever Redis loses is found again:
 * - every second, pending rows due within the horizon are added (deterministic job ids: adding twice is harmless)
 *   and then marked queued (only if still pending at the same time: the projector may have moved or cancelled them);
 * - at start, every 30 s, and whenever the Redis connection becomes ready again, queued rows whose job is missing
 *   from Redis are added again.
 * While Redis is down both loops log and retry; nothing else waits for them.
 */
export class ReminderDispatcher {
  private readonly dispatchLoop: Periodic;
  private readonly reconcileLoop: Periodic;
  private readonly batchSize: number;
  private readonly onReady = (): void => this.reconcileLoop.poke();

  constructor(
    private readonly pool: Pool,
    private readonly queue: Queue<ReminderJobData>,
    /** A plain connection to the queue's Redis, to check many jobs at once and hear of reconnects. */
    private readonly redis: Redis,
    private readonly options: DispatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 1_000;
    this.dispatchLoop = new Periodic(
      () => this.dispatchDue(),
      options.intervalMs ?? 1_000,
      (e) => this.warn('reminder dispatch failed; retrying', e),
    );
    this.reconcileLoop = new Periodic(
      () => this.reconcile(),
      options.reconcileIntervalMs ?? 30_000,
      (e) => this.warn('reminder reconciliation failed; retrying', e),
    );
  }

  start(): void {
    this.redis.on('ready', this.onReady);
    this.dispatchLoop.start();
    this.reconcileLoop.start();
  }

  async stop(): Promise<void> {
    this.redis.off('ready', this.onReady);
    await Promise.all([this.dispatchLoop.stop(), this.reconcileLoop.stop()]);
  }

  /** Queues every pending reminder due within the horizon; returns how many. */
  async dispatchDue(now = Date.now()): Promise<number> {
    let total = 0;
    for (;;) {
      const { rows } = await this.pool.query<DueRow>(
        `SELECT id, due_at FROM reminders WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
        [new Date(now + this.options.horizonMs), this.batchSize],
      );
      if (rows.length === 0) return total;
      await this.addJobs(rows);
      await this.pool.query(
        `UPDATE reminders r SET state = 'queued', queued_at = now(), updated_at = now()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at)
          WHERE r.id = v.id AND r.state = 'pending' AND r.due_at = v.due_at`,
        [rows.map((r) => r.id), rows.map((r) => r.due_at)],
      );
      total += rows.length;
      if (rows.length < this.batchSize) return total;
    }
  }

  /** Adds again the job of every queued reminder that Redis no longer has; returns how many. */
  async reconcile(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let readded = 0;
    for (;;) {
      const { rows } = await this.pool.query<DueRow>(
        `SELECT id, due_at FROM reminders WHERE state = 'queued' AND id > $1 ORDER BY id LIMIT $2`,
        [after, this.batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const pipeline = this.redis.pipeline();
      for (const row of rows) pipeline.exists(this.queue.toKey(reminderJobId(row.id, row.due_at.getTime())));
      const found = (await pipeline.exec()) ?? [];
      const missing = rows.filter((_, i) => {
        const [error, exists] = found[i] ?? [new Error('no reply'), 0];
        if (error) throw error;
        return exists === 0;
      });
      if (missing.length) {
        // Checked again after looking in Redis: a job that just completed has its row marked sent by now.
        const still = await this.pool.query<DueRow>(
          `SELECT r.id, r.due_at FROM reminders r JOIN unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at)
               ON r.id = v.id AND r.due_at = v.due_at
            WHERE r.state = 'queued'`,
          [missing.map((r) => r.id), missing.map((r) => r.due_at)],
        );
        if (still.rows.length) await this.addJobs(still.rows);
        readded += still.rows.length;
      }
      if (rows.length < this.batchSize) break;
    }
    if (readded) this.options.logger?.warn({ readded }, 'reminder jobs missing from Redis were queued again');
    return readded;
  }

  private async addJobs(rows: DueRow[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      rows.map((row) => {
        const dueAt = row.due_at.getTime();
        return {
          name: DELIVER_JOB,
          data: { reminderId: row.id, dueAt },
          opts: {
            jobId: reminderJobId(row.id, dueAt),
            delay: Math.max(0, dueAt - now),
            attempts: this.options.attempts,
            backoff: { type: 'exponential', delay: this.options.backoffMs },
            // Kept a while so that adding the same job again is recognised as a duplicate.
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        };
      }),
    );
  }

  private warn(message: string, error: unknown): void {
    this.options.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, message);
  }
}
