import { Redis } from 'ioredis';
import { type Logger, waitUntilAvailable } from '@casetrack/config';

/**
 * Start-up of the worker role: waits until Redis answers a PING, for at most `deadlineMs`. A server still loading its
 * data set answers LOADING and is waited for; any other refusal (a wrong password) ends the start at once.
 */
export async function waitForRedis(redisUrl: string, deadlineMs: number, logger: Logger): Promise<void> {
  await waitUntilAvailable(
    async () => {
      const redis = new Redis(redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        connectTimeout: 5_000,
      });
      // An unheard 'error' event would end the process; it also says why, where connect only says "Connection is closed".
      let cause: unknown = null;
      redis.on('error', (error: Error) => (cause = error));
      try {
        await redis.connect();
        await redis.ping();
      } catch (error) {
        throw cause ?? error;
      } finally {
        // Disconnecting a client that has already ended keeps the event loop busy for a while (ioredis).
        if (redis.status !== 'end') redis.disconnect();
      }
    },
    { dependency: 'Redis', deadlineMs, retryable: isWorthWaitingFor, logger },
  );
}

/** Redis' own refusals carry a leading code word; only LOADING passes by itself. Socket errors always may. */
function isWorthWaitingFor(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const replied = error instanceof Error && error.name === 'ReplyError';
  return !replied || message.startsWith('LOADING');
}
