import type { FeedBatch, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { DEFAULT_BATCH_SIZE, DEFAULT_IDLE_MS, Pause, reportSubscriptionError } from '../subscription-support';

/** One open catch-up subscription: the events after a checkpoint, in feed order, until closed. */
export interface OpenFeed {
  events: AsyncIterable<RecordedEvent>;
  close(): Promise<void>;
}

const IDLE = Symbol('idle');

/**
 * Turns a catch-up subscription on $all into the port's batches. The server pushes events as they are written, so
 * there is no polling; a batch is whatever has already arrived (up to `batchSize`) when the handler is free.
 * The checkpoint only advances after the handler resolves; a failing handler is reported and retried with the
 * same batch after `idleMs` (at-least-once, like the PostgreSQL feed); a dropped subscription is re-opened from
 * the last checkpoint.
 */
export class CatchUpFeed implements Subscription {
  readonly stopped: Promise<void>;
  private stopping = false;
  private current: OpenFeed | null = null;
  private readonly pause = new Pause();

  constructor(
    private readonly open: (after: number) => OpenFeed,
    private readonly handle: (batch: FeedBatch) => Promise<void>,
    private readonly options: SubscribeOptions,
  ) {
    this.stopped = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.current?.close().catch(() => undefined);
    return this.stopped;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const idleMs = this.options.idleMs ?? DEFAULT_IDLE_MS;
    let checkpoint = this.options.from;
    while (!this.stopping) {
      let feed: OpenFeed | null = null;
      try {
        feed = this.open(checkpoint);
        this.current = feed;
        const events = feed.events[Symbol.asyncIterator]();
        let next: Promise<IteratorResult<RecordedEvent>> | null = null;
        while (!this.stopping) {
          const first = await (next ?? events.next());
          next = null;
          if (first.done) break;
          const batch = [first.value];
          // Take what has already arrived, without waiting for more.
          while (batch.length < batchSize) {
            const pending = events.next();
            const arrived = await Promise.race([pending, nextTurn()]);
            if (arrived === IDLE) {
              next = pending;
              break;
            }
            if (arrived.done) {
              next = pending;
              break;
            }
            batch.push(arrived.value);
          }
          if (!(await this.deliver(batch, idleMs))) return;
          checkpoint = batch[batch.length - 1].position;
        }
      } catch (error) {
        if (!this.stopping) reportSubscriptionError(this.options, error, 'KurrentDB');
      } finally {
        this.current = null;
        await feed?.close().catch(() => undefined);
      }
      // The subscription ended or failed: re-open from the checkpoint after a pause.
      if (!this.stopping) await this.pause.for(idleMs);
    }
  }

  /** Hands the batch to the handler until it succeeds; false when the feed was stopped meanwhile. */
  private async deliver(events: RecordedEvent[], idleMs: number): Promise<boolean> {
    const batch: FeedBatch = { events, checkpoint: events[events.length - 1].position };
    for (;;) {
      try {
        await this.handle(batch);
        return true;
      } catch (error) {
        reportSubscriptionError(this.options, error, 'KurrentDB');
      }
      if (this.stopping) return false;
      await this.pause.for(idleMs);
      if (this.stopping) return false;
    }
  }
}

/** Resolves after the events already queued have been handed out (a macrotask later). */
function nextTurn(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
