/** While a task keeps failing (its database or Redis away), its pause doubles up to this, or its interval if longer. */
const MAX_BACKOFF_MS = 15_000;

export interface PeriodicRun {
  /** Epoch milliseconds. */
  endedAt: number;
  failed: boolean;
}

/**
 * Runs `task` now and then every `intervalMs` after the previous run ends (never two at once); `poke` runs it again
 * as soon as the current run ends. Errors are handed to `onError` and the loop goes on, pausing longer after each
 * failure in a row.
 */
export class Periodic {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failures = 0;
  private ended: PeriodicRun | null = null;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** How the last run ended, for health checks: a loop whose last run ended long ago is stuck. */
  get lastRun(): PeriodicRun | null {
    return this.ended;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.poke();
  }

  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.task()
      .then(
        () => {
          this.failures = 0;
          this.ended = { endedAt: Date.now(), failed: false };
        },
        (error: unknown) => {
          this.failures++;
          this.ended = { endedAt: Date.now(), failed: true };
          this.onError(error);
        },
      )
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.poke();
        } else {
          this.timer = setTimeout(() => this.poke(), this.delay());
        }
      });
  }

  private delay(): number {
    if (this.failures === 0) return this.intervalMs;
    return Math.min(this.intervalMs * 2 ** this.failures, Math.max(this.intervalMs, MAX_BACKOFF_MS));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
