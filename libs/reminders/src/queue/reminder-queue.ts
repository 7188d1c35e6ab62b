import { Queue, type RedisOptions } from 'bullmq';
import type { AppConfig } from '@casetrack/config';

/** The one job type of the reminder queue. */
export const DELIVER_JOB = 'deliver';

export interface ReminderJobData {
  reminderId: string;
  /** The row's due time when it was queued, in ms: a job whose time no longer matches the row is stale. */
  dueAt: number;
}

/**
 * Deterministic: one job per reminder and due time. Adding it twice is a no-op for BullMQ, and a moved reminder gets
 * a new job while the old one, when it fires, finds another due time in the row and does nothing. (BullMQ refuses a
 * custom id with a single ':', hence the '.')
 */
export function reminderJobId(reminderId: string, dueAt: number): string {
  return `${reminderId}.${dueAt}`;
}

/**
 * Connection options for BullMQ from REDIS_URL. Commands fail fast while Redis is away (the dispatcher retries on its
 * next tick) and ioredis keeps reconnecting in the background.
 */
export function queueConnection(redisUrl: string): RedisOptions {
  return { url: redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: reconnectDelay };
}

/** Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest null for them). */
export function workerConnection(redisUrl: string): RedisOptions {
  return { url: redisUrl, maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
}

/** Reconnect quickly at first, then every 2 s, forever: a Redis restart must not stop reminders. */
export function reconnectDelay(times: number): number {
  return Math.min(100 * 2 ** Math.min(times, 5), 2_000);
}

/**
 * Where a deployment's reminder queue lives. BullMQ's keys are `<prefix>:<name>:...`: the deployment's prefix keeps
 * deployments that share one Redis apart (the same queue name in both is then harmless).
 */
export interface ReminderQueueAddress {
  redisUrl: string;
  prefix: string;
  name: string;
}

export function reminderQueueAddress(
  config: Pick<AppConfig, 'redisUrl' | 'redisPrefix' | 'reminders'>,
): ReminderQueueAddress {
  return { redisUrl: config.redisUrl, prefix: config.redisPrefix, name: config.reminders.queue };
}

export function createReminderQueue(address: ReminderQueueAddress): Queue<ReminderJobData> {
  const queue = new Queue<ReminderJobData>(address.name, {
    connection: queueConnection(address.redisUrl),
    prefix: address.prefix,
  });
  // Redis being away is logged by the dispatcher; an unhandled 'error' event would end the process.
  queue.on('error', () => undefined);
  return queue;
}
