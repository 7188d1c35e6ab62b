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
      // Reported through the rejected connect or ping below; an unheard 'error' event would end the process.
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
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
