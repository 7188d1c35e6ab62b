import type { FeedBatch, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

/** One open catch-up subscription: the events after a checkpoint, in feed order, until closed. */
export interface OpenFeed {
  events: AsyncIterable<RecordedEvent>;
  close(): Promise<void>;
}

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_IDLE_MS = 500;
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
  private wake: (() => void) | null = null;

  constructor(
    private readonly open: (after: number) => OpenFeed,
    private readonly handle: (batch: FeedBatch) => Promise<void>,
    private readonly options: SubscribeOptions,
  ) {
    this.stopped = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
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
        if (!this.stopping) this.report(error);
      } finally {
        this.current = null;
        await feed?.close().catch(() => undefined);
      }
      // The subscription ended or failed: re-open from the checkpoint after a pause.
      if (!this.stopping) await this.sleep(idleMs);
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
        this.report(error);
      }
      if (this.stopping) return false;
      await this.sleep(idleMs);
      if (this.stopping) return false;
    }
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
      else console.error('KurrentDB subscription failed; retrying', error);
    } catch {
      // A failing error handler must not end the subscription.
    }
  }
}

/** Resolves after the events already queued have been handed out (a macrotask later). */
function nextTurn(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
