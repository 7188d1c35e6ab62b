import type { Logger } from './logger';

export interface WaitOptions {
  /** What is waited for, as the log names it ("PostgreSQL", "Redis"). Never a connection string. */
  dependency: string;
  /** Give up (throw the last error) once this much time has passed without success. */
  deadlineMs: number;
  /** Errors worth waiting out (the server is starting, refusing, unreachable); any other error fails at once. */
  retryable: (error: unknown) => boolean;
  logger: Logger;
  /** First pause; doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs `attempt` until it succeeds, pausing with capped exponential backoff between tries, so that a process started
 * alongside its database (docker compose, a host reboot) waits for it instead of dying. Each wait is logged with the
 * error's message only: messages of pg and ioredis name host and port, never credentials.
 */
export async function waitUntilAvailable<T>(attempt: () => Promise<T>, options: WaitOptions): Promise<T> {
  const started = Date.now();
  let delay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;
  for (let tries = 1; ; tries++) {
    try {
      const result = await attempt();
      if (tries > 1)
        options.logger.info({ dependency: options.dependency, tries }, `${options.dependency} is available`);
      return result;
    } catch (error) {
      const waited = Date.now() - started;
      if (!options.retryable(error) || waited + delay > options.deadlineMs) throw error;
      options.logger.warn(
        { dependency: options.dependency, tries, retryInMs: delay, waitedMs: waited, err: messageOf(error) },
        `waiting for ${options.dependency}`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
