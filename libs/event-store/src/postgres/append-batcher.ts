export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface AppendBatcherOptions {
  /** Statements in flight at once. Everything submitted meanwhile waits and goes out together in the next one. */
  maxInFlight: number;
  /** Most submissions in one statement. */
  maxBatch: number;
}

interface Waiting<I, O> {
  key: string;
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent submissions into one flush, without ever waiting on purpose: a submission goes out at once when
 * fewer than `maxInFlight` flushes are running, and otherwise joins the next flush with everything else that
 * arrived meanwhile. A lone writer therefore sees no added latency, while many writers share round trips and commits.
 *
 * A flush never holds two submissions with the same key (the same stream): the second waits for the next flush, so
 * one stream's appends stay in submission order and a batch never conflicts with itself.
 */
export class AppendBatcher<I, O> {
  private queue: Array<Waiting<I, O>> = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (items: I[]) => Promise<Array<Settled<O>>>,
    private readonly options: AppendBatcherOptions,
  ) {}

  submit(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ key, item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private takeBatch(): Array<Waiting<I, O>> {
    const batch: Array<Waiting<I, O>> = [];
    const keys = new Set<string>();
    const rest: Array<Waiting<I, O>> = [];
    for (const waiting of this.queue) {
      if (batch.length < this.options.maxBatch && !keys.has(waiting.key)) {
        keys.add(waiting.key);
        batch.push(waiting);
      } else {
        rest.push(waiting);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Array<Waiting<I, O>>): Promise<void> {
    let results: Array<Settled<O>>;
    try {
      results = await this.flush(batch.map((waiting) => waiting.item));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const result = results[i];
      if (result.ok) waiting.resolve(result.value);
      else waiting.reject(result.error);
    });
  }
}
