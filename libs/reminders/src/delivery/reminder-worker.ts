import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Pool } from 'pg';
import type { Logger } from '@casetrack/config';
import { type ReminderJobData, type ReminderQueueAddress, workerConnection } from '../queue/reminder-queue';
import { DeliveryError } from './delivery-error';
import type { DeliveryOutcome, ReminderDelivery } from './reminder-delivery';

export interface ReminderWorkerOptions {
  queue: ReminderQueueAddress;
  concurrency: number;
  /** How long a job stays locked to a worker that stopped answering before another takes it (BullMQ lockDuration). */
  lockDurationMs?: number;
  logger?: Logger;
}

/**
 * The BullMQ worker of the reminder queue. BullMQ retries a failed attempt with exponential backoff (the job's
 * options, set by the dispatcher); the delivery marks the row failed on the last attempt or on a permanent failure.
 * ioredis reconnects by itself after a Redis restart, and BullMQ resumes fetching jobs on the new connection.
 */
export class ReminderWorker {
  readonly worker: Worker<ReminderJobData, DeliveryOutcome>;

  constructor(
    private readonly pool: Pool,
    private readonly delivery: ReminderDelivery,
    private readonly options: ReminderWorkerOptions,
  ) {
    const lockDuration = options.lockDurationMs ?? 30_000;
    this.worker = new Worker<ReminderJobData, DeliveryOutcome>(options.queue.name, (job) => this.process(job), {
      connection: workerConnection(options.queue.redisUrl),
      prefix: options.queue.prefix,
      concurrency: options.concurrency,
      lockDuration,
      stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)),
      maxStalledCount: 5,
      autorun: false,
    });
    this.worker.on('error', (error: Error) => options.logger?.warn({ err: error.message }, 'reminder worker error'));
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
  }

  start(): void {
    void this.worker
      .run()
      .catch((error: Error) => this.options.logger?.error({ err: error.message }, 'worker stopped'));
  }

  /** BullMQ's fetch loop runs (it keeps running, reconnecting, while Redis is away). */
  get running(): boolean {
    return this.worker.isRunning();
  }

  async stop(): Promise<void> {
    await this.worker.close();
  }

  private async process(job: Job<ReminderJobData, DeliveryOutcome>): Promise<DeliveryOutcome> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.delivery.deliver({
        reminderId: job.data.reminderId,
        dueAt: job.data.dueAt,
        attempt,
        last: attempt >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      if (error instanceof DeliveryError && error.permanent) throw new UnrecoverableError(error.code);
      throw error;
    }
  }

  /**
   * A job that BullMQ failed without our processor saying so (it stalled more often than allowed) would leave its
   * row queued with a job that never runs again: mark it failed so that it is visible.
   */
  private async onFailed(job: Job<ReminderJobData> | undefined, error: Error): Promise<void> {
    if (!job || error instanceof UnrecoverableError) return;
    // 'failed' is also heard for attempts that will be retried; only a job that is failed for good counts.
    if ((await job.getState().catch(() => 'unknown')) !== 'failed') return;
    await this.pool
      .query(
        `UPDATE reminders SET state = 'failed', last_error = COALESCE(last_error, 'STALLED'), updated_at = now()
          WHERE id = $1 AND due_at = $2 AND state IN ('pending', 'queued')`,
        [job.data.reminderId, new Date(job.data.dueAt)],
      )
      .catch(() => undefined);
  }
}
