import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Logger } from '@casetrack/config';
import { DELIVER_JOB, type ReminderJobData, reminderJobId } from '../queue/reminder-queue';
import { type JobPresence, jobPresence } from './job-presence';
import { Periodic, type PeriodicRun } from './periodic';

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
 * A finished (completed or failed) job under a row's id is removed before adding: BullMQ would otherwise ignore the
 * add, and the row would wait behind a job that never runs again. That happens when a row needs its job once more:
 * cancelled and revived at the same time after its first job ran (and found it cancelled), or left queued when a
 * worker could not record a job's end. Re-adding never sends twice: a job delivers only a row still pending or queued
 * at its due time, and a delivered row is sent.
 * While Redis or PostgreSQL is down both loops log and retry, pausing longer after each failure; nothing else waits
 * for them.
 */
export class ReminderDispatcher {
  private readonly dispatchLoop: Periodic;
  private readonly reconcileLoop: Periodic;
  private readonly batchSize: number;
  private readonly onReady = (): void => {
    this.reconcileLoop.poke();
    // It may be pausing long after failing while Redis was away.
    this.dispatchLoop.poke();
  };

  constructor(
    private readonly pool: Pool,
    private readonly queue: Queue<ReminderJobData>,
    /** A plain connection to the queue's Redis, to look many jobs up at once and hear of reconnects. */
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

  /** How the last dispatch round ended (null before the first has ended). */
  get lastDispatch(): PeriodicRun | null {
    return this.dispatchLoop.lastRun;
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
      const presence = await this.presenceOf(rows);
      // A live job already serves its row (a dispatcher stopped before marking it queued): nothing to add. A
      // finished one is removed first, or BullMQ would ignore the add.
      await this.removeJobs(rows.filter((_, i) => presence[i] === 'finished'));
      await this.addJobs(rows.filter((_, i) => presence[i] !== 'live'));
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

  /**
   * Adds again the job of every queued reminder that Redis no longer has, or has only as a finished job (that job
   * ended without the row being sent, so nothing will deliver it); returns how many.
   */
  async reconcile(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    const requeued: Record<Exclude<JobPresence, 'live'>, number> = { missing: 0, finished: 0 };
    for (;;) {
      const { rows } = await this.pool.query<DueRow>(
        `SELECT id, due_at FROM reminders WHERE state = 'queued' AND id > $1 ORDER BY id LIMIT $2`,
        [after, this.batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const presence = new Map((await this.presenceOf(rows)).map((p, i) => [rows[i].id, p]));
      const stuck = rows.filter((row) => presence.get(row.id) !== 'live');
      if (stuck.length) {
        // Checked again after looking in Redis: a job that just completed has its row marked sent by now.
        const { rows: still } = await this.pool.query<DueRow>(
          `SELECT r.id, r.due_at FROM reminders r JOIN unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at)
               ON r.id = v.id AND r.due_at = v.due_at
            WHERE r.state = 'queued'`,
          [stuck.map((r) => r.id), stuck.map((r) => r.due_at)],
        );
        const finished = still.filter((row) => presence.get(row.id) === 'finished');
        await this.removeJobs(finished);
        await this.addJobs(still);
        requeued.finished += finished.length;
        requeued.missing += still.length - finished.length;
      }
      if (rows.length < this.batchSize) break;
    }
    const total = requeued.missing + requeued.finished;
    if (total) this.options.logger?.warn(requeued, 'queued reminders without a live job in Redis were queued again');
    return total;
  }

  private presenceOf(rows: readonly DueRow[]): Promise<JobPresence[]> {
    return jobPresence(
      this.redis,
      this.queue,
      rows.map((row) => reminderJobId(row.id, row.due_at.getTime())),
    );
  }

  /** Removes finished jobs so that their ids can be added again. */
  private async removeJobs(rows: readonly DueRow[]): Promise<void> {
    await Promise.all(rows.map((row) => this.queue.remove(reminderJobId(row.id, row.due_at.getTime()))));
  }

  private async addJobs(rows: readonly DueRow[]): Promise<void> {
    if (rows.length === 0) return;
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
