import type { FeedBatch, RecordedEvent } from '../event-store.port';
import { CatchUpFeed, type OpenFeed } from './catch-up-feed';

function event(position: number): RecordedEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    streamId: 'case-1',
    version: position,
    position,
    type: 'T',
    data: {},
    metadata: {
      actorId: 'a',
      actorRole: 'lawyer',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2024-01-01T00:00:00.000Z',
      occurredAtPrecision: 'minute',
      schemaVersion: 1,
      recordedAt: '2024-01-01T00:00:00.000Z',
      prevHash: '0',
      hash: '1',
    },
  };
}

/**
 * An in-memory log standing in for the server's push: every open() gets the events after its checkpoint, then
 * waits for more until closed, like a live catch-up subscription. It tests the batching, not KurrentDB.
 */
class MemoryLog {
  readonly events: RecordedEvent[] = [];
  readonly opens: number[] = [];
  private waiters: Array<() => void> = [];
  failNextOpenAfter: number | null = null;

  push(...positions: number[]): void {
    this.events.push(...positions.map(event));
    for (const wake of this.waiters.splice(0)) wake();
  }

  open(after: number): OpenFeed {
    this.opens.push(after);
    let closed = false;
    const failAfter = this.failNextOpenAfter;
    this.failNextOpenAfter = null;
    async function* events(log: MemoryLog): AsyncGenerator<RecordedEvent> {
      let index = log.events.findIndex((e) => e.position > after);
      let sent = 0;
      for (;;) {
        if (closed) return;
        if (index === -1 || index >= log.events.length) {
          await new Promise<void>((resolve) => log.waiters.push(resolve));
          if (index === -1) index = log.events.findIndex((e) => e.position > after);
          continue;
        }
        if (failAfter !== null && sent === failAfter) throw new Error('connection lost');
        sent += 1;
        yield log.events[index++];
      }
    }
    return {
      events: events(this),
      close: async () => {
        closed = true;
        for (const wake of this.waiters.splice(0)) wake();
      },
    };
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('CatchUpFeed', () => {
  it('delivers what has arrived in batches of at most batchSize, one at a time, with the last position as checkpoint', async () => {
    const log = new MemoryLog();
    log.push(10, 20, 30, 40, 50);
    const batches: FeedBatch[] = [];
    let inFlight = 0;
    let overlapped = false;
    const feed = new CatchUpFeed(
      (after) => log.open(after),
      async (batch) => {
        if (inFlight++ > 0) overlapped = true;
        batches.push(batch);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
      },
      { from: 10, batchSize: 2, idleMs: 10 },
    );
    await waitFor(() => batches.flatMap((b) => b.events).length === 4);
    log.push(60);
    await waitFor(() => batches.flatMap((b) => b.events).length === 5);
    await feed.stop();

    expect(batches.flatMap((b) => b.events.map((e) => e.position))).toEqual([20, 30, 40, 50, 60]);
    for (const batch of batches) {
      expect(batch.events.length).toBeLessThanOrEqual(2);
      expect(batch.checkpoint).toBe(batch.events[batch.events.length - 1].position);
    }
    expect(overlapped).toBe(false);
  });

  it('retries the same batch after a failing handler and reports the failure', async () => {
    const log = new MemoryLog();
    log.push(1, 2);
    const errors: unknown[] = [];
    const seen: number[][] = [];
    let fail = true;
    const feed = new CatchUpFeed(
      (after) => log.open(after),
      async (batch) => {
        seen.push(batch.events.map((e) => e.position));
        if (fail) {
          fail = false;
          throw new Error('projection failed');
        }
      },
      { from: 0, idleMs: 5, onError: (error) => errors.push(error) },
    );
    await waitFor(() => seen.length === 2);
    await feed.stop();
    expect(errors).toHaveLength(1);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('re-opens a dropped subscription from the last checkpoint, delivering nothing twice', async () => {
    const log = new MemoryLog();
    log.push(1, 2, 3, 4);
    log.failNextOpenAfter = 2;
    const delivered: number[] = [];
    const errors: unknown[] = [];
    const feed = new CatchUpFeed(
      (after) => log.open(after),
      async (batch) => {
        delivered.push(...batch.events.map((e) => e.position));
      },
      { from: 0, batchSize: 1, idleMs: 5, onError: (error) => errors.push(error) },
    );
    await waitFor(() => delivered.length === 4);
    await feed.stop();
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(log.opens).toEqual([0, 2]);
    expect(errors).toHaveLength(1);
  });

  it('stops while waiting for events', async () => {
    const log = new MemoryLog();
    const feed = new CatchUpFeed(
      (after) => log.open(after),
      async () => undefined,
      { from: 0, idleMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(feed.stop()).resolves.toBeUndefined();
  });
});
