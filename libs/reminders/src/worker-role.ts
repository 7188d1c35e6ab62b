import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { AppConfig, Logger } from '@casetrack/config';
import type { ReminderChannel } from './delivery/channels';
import { EmailChannel } from './delivery/email-channel';
import { ReminderDelivery } from './delivery/reminder-delivery';
import { ReminderWorker } from './delivery/reminder-worker';
import { WebhookChannel } from './delivery/webhook-channel';
import { ReminderDispatcher } from './dispatch/reminder-dispatcher';
import { createReminderQueue, reconnectDelay, reminderQueueAddress } from './queue/reminder-queue';
import { type WorkerHealth, workerHealth } from './worker-health';

export interface WorkerRoleOptions {
  /** Replaces SMTP and webhook (the benchmark's in-memory channel). */
  channels?: ReminderChannel[];
  dispatchIntervalMs?: number;
  reconcileIntervalMs?: number;
  lockDurationMs?: number;
}

/**
 * The worker role: the dispatcher (rows -> delayed jobs, and back again when Redis lost them) and the BullMQ worker
 * that delivers. Plain objects, so that tests, the benchmark and the Nest module start the same thing.
 */
export class WorkerRole {
  readonly dispatcher: ReminderDispatcher;
  readonly worker: ReminderWorker;
  private readonly queue;
  private readonly redis: Redis;
  private readonly channels: ReminderChannel[];
  private startedAt: number | null = null;

  constructor(pool: Pool, config: AppConfig, logger?: Logger, options: WorkerRoleOptions = {}) {
    const { reminders, delivery } = config;
    const address = reminderQueueAddress(config);
    this.queue = createReminderQueue(address);
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnectDelay,
    });
    this.redis.on('error', () => undefined);
    this.channels = options.channels ?? [
      new EmailChannel(delivery.smtpUrl, delivery.mailFrom, { requireTls: delivery.smtpRequireTls }),
      new WebhookChannel({ secret: delivery.webhookSecret, allowPrivate: delivery.webhookAllowPrivate }),
    ];
    this.dispatcher = new ReminderDispatcher(pool, this.queue, this.redis, {
      horizonMs: reminders.dispatchHorizonMs,
      attempts: reminders.attempts,
      backoffMs: reminders.backoffMs,
      intervalMs: options.dispatchIntervalMs,
      reconcileIntervalMs: options.reconcileIntervalMs,
      logger,
    });
    const deliver = new ReminderDelivery(pool, this.channels, delivery.publicUrl, logger, delivery.reminderDetail);
    this.worker = new ReminderWorker(pool, deliver, {
      queue: address,
      concurrency: reminders.workerConcurrency,
      lockDurationMs: options.lockDurationMs,
      logger,
    });
  }

  start(): void {
    this.startedAt = Date.now();
    this.redis.connect().catch(() => undefined);
    this.dispatcher.start();
    this.worker.start();
  }

  /** What the worker process's /health answers. */
  health(now = Date.now()): WorkerHealth {
    return workerHealth(
      {
        startedAt: this.startedAt ?? now,
        running: this.startedAt !== null && this.worker.running,
        redisReady: this.redis.status === 'ready',
        lastDispatch: this.dispatcher.lastDispatch,
      },
      now,
    );
  }

  async stop(): Promise<void> {
    this.startedAt = null;
    await this.dispatcher.stop();
    await this.worker.stop();
    await this.queue.close();
    this.redis.disconnect();
    for (const channel of this.channels) await channel.close?.();
  }
}
