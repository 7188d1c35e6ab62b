import type { ConflictAfterRetries } from './command-outcome';

/** One attempt lost a race: another writer appended to the stream between its read and its append. */
export interface Raced {
  kind: 'raced';
}

export const RACED: Raced = { kind: 'raced' };

/** How many attempts a write gets, and the pause after a lost race (`attempt` counts from 1). */
export interface AppendRetryPolicy {
  attempts: number;
  pause: (attempt: number) => Promise<void>;
}

/**
 * Runs `attempt` (read, decide, append) again while it loses the race for the stream, up to `policy.attempts`
 * times. Every other answer, and every error, is the attempt's own and is passed on as it is.
 */
export async function retryRacedAppends<T extends { kind: string }>(
  attempt: () => Promise<T | Raced>,
  policy: AppendRetryPolicy,
): Promise<Exclude<T, Raced> | ConflictAfterRetries> {
  for (let n = 1; n <= policy.attempts; n++) {
    const result = await attempt();
    if (!isRaced(result)) return result as Exclude<T, Raced>;
    if (n < policy.attempts) await policy.pause(n);
  }
  return { kind: 'conflict_after_retries' };
}

function isRaced(result: { kind: string }): result is Raced {
  return result.kind === 'raced';
}

/** Jittered exponential backoff between attempts at a raced append (a few ms, capped). */
export function jitteredBackoff(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
