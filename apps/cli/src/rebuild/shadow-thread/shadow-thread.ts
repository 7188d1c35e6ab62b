import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { type AppConfig, startThread } from '@casetrack/config';
import type { FeedBatch } from '@casetrack/event-store';
import type { ShadowReply, ShadowRequest, ShadowThreadData, ThreadError } from './messages';

/** Batches handed to the thread and not yet folded: the reader runs this far ahead, and no further. */
const AHEAD = 2;

type Pending = { resolve: (checkpoint: number) => void; reject: (error: Error) => void };
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;
type Request = WithoutId<ShadowRequest>;

/**
 * A worker thread that projects a rebuild's shadow schema (shadow-worker.ts) while the calling thread reads the feed:
 * on a machine with two cores the feed's reading and opening run beside the fold, the rows and their writing.
 * The thread composes its own event store from the configuration, as the CLI composes the calling thread's.
 */
export class ShadowThread {
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ShadowReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.checkpoint);
      else waiting?.reject(fromThreadError(reply.error));
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The rebuild thread exited (code ${code})`)));
  }

  static start(config: AppConfig): ShadowThread {
    const data: ShadowThreadData = {
      databaseUrl: config.databaseUrl,
      eventStore: config.eventStore,
      kurrentDbConnectionString: config.kurrentDbConnectionString,
      masterKey: config.masterKey,
      logLevel: config.logLevel,
    };
    return new ShadowThread(startThread(path.join(__dirname, `shadow-worker${path.extname(__filename)}`), data));
  }

  /** A projector of `schema` on this thread; one at a time. */
  async open(schema: string, capacity: number): Promise<ThreadedShadow> {
    await this.call({ op: 'open', schema, capacity });
    return new ThreadedShadow(this);
  }

  /** Ends the thread after what it was asked before (its connections closed). */
  async close(): Promise<void> {
    if (this.failure === null) await this.call({ op: 'exit' });
    await this.worker.terminate();
  }

  /** Resolves with the shadow's checkpoint once the thread has run the request. */
  call(request: Request): Promise<number> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as ShadowRequest);
    });
  }
}

/**
 * The shadow projector as the rebuild drives it (`BulkProjector`'s surface), run on a `ShadowThread`. A batch is
 * handed over and the caller goes on reading the next one; it waits only when the thread is `AHEAD` batches behind.
 * A failure of a batch is thrown by a later call (the next batch, `finish` or the wait for room).
 */
export class ThreadedShadow {
  private position = 0;
  private readonly inFlight: Array<Promise<void>> = [];

  constructor(private readonly thread: ShadowThread) {}

  /** The checkpoint of the last batch the thread folded; every batch handed over once `finish` has returned. */
  get checkpoint(): number {
    return this.position;
  }

  async applyBatch(batch: FeedBatch): Promise<void> {
    const folded = this.thread.call({ op: 'batch', batch: JSON.stringify(batch) }).then((checkpoint) => {
      this.position = checkpoint;
    });
    // Rethrown when awaited below or by `drain`, not reported as unhandled meanwhile.
    folded.catch(() => undefined);
    this.inFlight.push(folded);
    while (this.inFlight.length > AHEAD) await this.inFlight.shift();
  }

  async finish(options: { count?: boolean } = {}): Promise<void> {
    await this.drain();
    this.position = await this.thread.call({ op: 'finish', count: options.count !== false });
  }

  /** Counted on a connection of the thread's own (the triggers are the table's, whichever connection counts). */
  async countOnce(): Promise<void> {
    await this.thread.call({ op: 'count' });
  }

  async close(): Promise<void> {
    await this.drain().catch(() => undefined);
    await this.thread.call({ op: 'close' });
  }

  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}

function fromThreadError(thrown: ThreadError): Error {
  const error = new Error(thrown.message);
  error.name = thrown.name;
  if (thrown.stack !== undefined) error.stack = thrown.stack;
  if (thrown.code !== undefined) Object.assign(error, { code: thrown.code });
  return error;
}
