import type { FeedBatch, ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { DEFAULT_BATCH_SIZE, DEFAULT_IDLE_MS, Pause, reportSubscriptionError } from '../subscription-support';
import type { NotificationListener } from './notification-listener';

/** The longest pause between retries of a failing read or batch: catching up resumes within this of recovery. */
const MAX_RETRY_MS = 2_000;

/**
 * Polls the feed from a checkpoint and hands each batch to the handler, one at a time. The checkpoint only advances
 * after the handler resolves; when it throws, `onError` hears about it and the same batch is retried after a pause
 * that grows while failures repeat (at-least-once delivery, which is why projections are idempotent).
 */
export class FeedSubscription implements Subscription {
  readonly stopped: Promise<void>;
  private stopping = false;
  /** Set by a notification that arrives while a read is in flight, so the loop does not sleep past it. */
  private notified = false;
  private readonly pause = new Pause();

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
    this.pause.interrupt();
    return this.stopped;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const idleMs = this.options.idleMs ?? DEFAULT_IDLE_MS;
    const unlisten = this.listener?.add(() => this.onNotification());
    let checkpoint = this.options.from;
    let failures = 0;
    try {
      while (!this.stopping) {
        this.notified = false;
        let caughtUp = true;
        try {
          const batch = await this.readAll({ after: checkpoint, limit: batchSize });
          if (batch.events.length > 0) {
            await this.handle(batch);
            checkpoint = batch.checkpoint;
            // Pause only once a read finds nothing: what was appended while this batch was handled is read at once.
            caughtUp = false;
          }
          failures = 0;
        } catch (error) {
          failures++;
          reportSubscriptionError(this.options, error, 'Event store');
        }
        if (failures > 0 && !this.stopping) {
          // Backs off while failing (a database restart takes seconds): fewer failed attempts and log lines.
          await this.pause.for(Math.min(idleMs * 2 ** failures, MAX_RETRY_MS));
        } else if (caughtUp && !this.stopping && !this.notified) {
          this.listener?.ensureListening();
          await this.pause.for(idleMs);
        }
      }
    } finally {
      unlisten?.();
    }
  }

  private onNotification(): void {
    this.notified = true;
    this.pause.interrupt();
  }
}
