import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * What Redis holds under a job id:
 * - `missing`: no job (never added, lost with Redis, or removed by hand);
 * - `finished`: a completed or failed job. BullMQ keeps it a while and, meanwhile, ignores an `add` with its id (it
 *   returns the old job): a row that needs that job again waits behind it until it is removed;
 * - `live`: delayed, waiting or active: it will run (an active one whose worker died goes back to waiting once its
 *   lock runs out).
 */
export type JobPresence = 'missing' | 'finished' | 'live';

/** Looks every id up in one round trip, on `redis` (a plain connection to the queue's Redis). */
export async function jobPresence(redis: Redis, queue: Queue, jobIds: readonly string[]): Promise<JobPresence[]> {
  // A lazy connection not opened yet (the dispatcher used before the role starts, as the benchmark does).
  if (redis.status === 'wait') await redis.connect();
  const pipeline = redis.pipeline();
  for (const id of jobIds) {
    pipeline.exists(queue.toKey(id));
    pipeline.zscore(queue.toKey('completed'), id);
    pipeline.zscore(queue.toKey('failed'), id);
  }
  const replies = (await pipeline.exec()) ?? [];
  const reply = (index: number): unknown => {
    const [error, value] = replies[index] ?? [new Error('no reply from Redis'), null];
    if (error) throw error;
    return value;
  };
  return jobIds.map((_, i) => {
    if (reply(3 * i) === 0) return 'missing';
    return reply(3 * i + 1) !== null || reply(3 * i + 2) !== null ? 'finished' : 'live';
  });
}
