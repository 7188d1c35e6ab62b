import type { FeedBatch, ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import type { NotificationListener } from './notification-listener';

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_IDLE_MS = 500;

/**
 * Polls the feed from a checkpoint and hands each batch to the handler, one at a time. The checkpoint only advances
 * after the handler resolves; when it throws, `onError` hears about it and the same batch is retried after `idleMs`
 * (at-least-once delivery, which is why projections are idempotent).
 */
export class FeedSubscription implements Subscription {
  readonly stopped: Promise<void>;
  private stopping = false;
  /** Set by a notification that arrives while a read is in flight, so the loop does not sleep past it. */
  private notified = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<FeedBatch>,
    private readonly handle: (batch: FeedBatch) => Promise<void>,
    private readonly options: SubscribeOptions,
    private readonly listener: NotificationListener | null,
  ) {
    this.stopped = this.run();
  }

  stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    return this.stopped;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const idleMs = this.options.idleMs ?? DEFAULT_IDLE_MS;
    const unlisten = this.listener?.add(() => this.onNotification());
    let checkpoint = this.options.from;
    try {
      while (!this.stopping) {
        this.notified = false;
        let caughtUp = true;
        try {
          const batch = await this.readAll({ after: checkpoint, limit: batchSize });
          if (batch.events.length > 0) {
            await this.handle(batch);
            checkpoint = batch.checkpoint;
            caughtUp = batch.events.length < batchSize;
          }
        } catch (error) {
          this.report(error);
        }
        if (caughtUp && !this.stopping && !this.notified) {
          this.listener?.ensureListening();
          await this.sleep(idleMs);
        }
      }
    } finally {
      unlisten?.();
    }
  }

  private onNotification(): void {
    this.notified = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
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

  private report(error: unknown): void {
    try {
      if (this.options.onError) this.options.onError(error);
      else console.error('Event store subscription failed; retrying', error);
    } catch {
      // A failing error handler must not end the subscription.
    }
  }
}
