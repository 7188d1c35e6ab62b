import type { SubscribeOptions } from './event-store.port';

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_IDLE_MS = 500;

/** A pause between feed reads or retries that `interrupt` ends at once (on stop, or when news arrives). */
export class Pause {
  private wake: (() => void) | null = null;

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  interrupt(): void {
    this.wake?.();
  }
}

/** Tells the subscriber that a read or its handler failed; the subscription itself carries on and retries. */
export function reportSubscriptionError(options: SubscribeOptions, error: unknown, store: string): void {
  try {
    if (options.onError) options.onError(error);
    else console.error(`${store} subscription failed; retrying`, error);
  } catch {
    // A failing error handler must not end the subscription.
  }
}
