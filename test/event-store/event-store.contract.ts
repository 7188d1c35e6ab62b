import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  DuplicateEventError,
  type EventStore,
  type FeedBatch,
  type RecordedEvent,
} from '../../libs/event-store/src/event-store.port';
import { GENESIS_HASH, computeEventHash, verifyStreamChain } from '../../libs/event-store/src/hash-chain';
import { byStream, drainFeed, followFeedUntil, newEvent, newEvents, sleep, uniqueStream } from './helpers';

/**
 * Creates a store on the adapter's test backend. Called once for the suite, and again by tests that need a
 * second, independent instance (another process, as far as caches go). The suite closes what it creates.
 */
export type EventStoreFactory = () => Promise<EventStore>;

/**
 * The behaviour every EventStore adapter must have. Tests share one store and keep to their own streams; feed
 * tests start from the feed's current end and only judge the events they wrote.
 */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await factory();
    });

    afterAll(async () => {
      await store?.close();
    });

    async function expectConflict(promise: Promise<unknown>, streamId: string): Promise<ConcurrencyError> {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).streamId).toBe(streamId);
      return error as ConcurrencyError;
    }

    describe('append and readStream', () => {
      it('round-trips events with their metadata, and chains their hashes', async () => {
        const streamId = uniqueStream();
        const causationId = randomUUID();
        const written = [
          newEvent(
            'CaseOpened',
            { name: 'Ана Петрова', tags: ['a', 'b'], nested: { z: 1, a: [1.5, null, true, { y: 'x' }] } },
            { idempotencyKey: 'request-1' },
          ),
          newEvent('HearingScheduled', { at: '2024-03-02T09:00:00.000Z', court: 'Basmanny' }, { causationId }),
        ];

        const result = await store.append(streamId, written, 'no_stream');

        expect(result.version).toBe(2);
        expect(result.events.map((e) => e.version)).toEqual([1, 2]);
        expect(result.position).toBe(result.events[1].position);
        expect(result.events[1].position).toBeGreaterThan(result.events[0].position);

        const read = await store.readStream(streamId);
        expect(read).toEqual(result.events);
        read.forEach((event, i) => {
          expect(event).toMatchObject({
            eventId: written[i].eventId,
            streamId,
            type: written[i].type,
            data: written[i].data,
          });
          expect(event.metadata).toMatchObject(written[i].metadata);
          expect(new Date(event.metadata.recordedAt).toISOString()).toBe(event.metadata.recordedAt);
          expect(event.metadata.hash).toBe(computeEventHash(event));
        });
        expect(read[0].metadata.recordedAt).toBe(read[1].metadata.recordedAt);
        expect(read[0].metadata.prevHash).toBe(GENESIS_HASH);
        expect(read[1].metadata.prevHash).toBe(read[0].metadata.hash);
        expect(verifyStreamChain(read)).toBeNull();
      });

      it('chains across appends and ignores store-owned metadata passed in by the caller', async () => {
        const streamId = uniqueStream();
        const first = await store.append(streamId, [newEvent()], 'no_stream');
        const forged = { ...newEvent(), metadata: { ...first.events[0].metadata, hash: 'f'.repeat(64) } };
        await store.append(streamId, [forged], 1);

        const read = await store.readStream(streamId);
        expect(read[1].metadata.prevHash).toBe(read[0].metadata.hash);
        expect(read[1].metadata.hash).not.toBe('f'.repeat(64));
        expect(verifyStreamChain(read)).toBeNull();
      });

      it('honours expected versions', async () => {
        const streamId = uniqueStream();
        expect((await store.append(streamId, [newEvent()], 'no_stream')).version).toBe(1);
        expect((await store.append(streamId, [newEvent()], 1)).version).toBe(2);
        expect((await store.append(streamId, [newEvent()], 'any')).version).toBe(3);

        expect((await expectConflict(store.append(streamId, [newEvent()], 1), streamId)).actual).toBe(3);
        await expectConflict(store.append(streamId, [newEvent()], 'no_stream'), streamId);
        // A stream *behind* the expected version is a conflict too.
        await expectConflict(store.append(streamId, [newEvent()], 7), streamId);

        expect(await store.streamVersion(streamId)).toBe(3);
        expect((await store.append(uniqueStream(), [newEvent()], 'any')).version).toBe(1);
      });

      it('rejects an exact version on a stream that does not exist', async () => {
        const streamId = uniqueStream();
        const error = await expectConflict(store.append(streamId, [newEvent()], 2), streamId);
        expect(error.actual).toBe(0);
        expect(await store.streamVersion(streamId)).toBe(0);
      });

      it('appends several events atomically: a conflicting append writes none of them', async () => {
        const streamId = uniqueStream();
        await store.append(streamId, newEvents(2), 'no_stream');

        // Expecting version 1 collides on version 2 only; the other two events must not be written either.
        const losing = newEvents(3);
        await expectConflict(store.append(streamId, losing, 1), streamId);
        await expectConflict(store.append(streamId, newEvents(3), 'no_stream'), streamId);

        const read = await store.readStream(streamId);
        expect(read.map((e) => e.version)).toEqual([1, 2]);
        const ids = new Set(read.map((e) => e.eventId));
        expect(losing.some((e) => ids.has(e.eventId))).toBe(false);
        expect(await store.streamVersion(streamId)).toBe(2);
      });

      it('refuses an event id that is already stored', async () => {
        const event = newEvent();
        await store.append(uniqueStream(), [event], 'no_stream');
        const other = uniqueStream();
        await expect(store.append(other, [event], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventError);
        expect(await store.streamVersion(other)).toBe(0);
      });

      it('reads a stream up to a version or an instant', async () => {
        const streamId = uniqueStream();
        const first = await store.append(streamId, [newEvent()], 'no_stream');
        await sleep(15);
        const second = await store.append(streamId, [newEvent()], 1);
        await sleep(15);
        await store.append(streamId, [newEvent()], 2);

        expect((await store.readStream(streamId, { toVersion: 2 })).map((e) => e.version)).toEqual([1, 2]);
        expect(await store.readStream(streamId, { toVersion: 0 })).toEqual([]);
        const upToSecond = await store.readStream(streamId, {
          recordedUpTo: new Date(second.events[0].metadata.recordedAt),
        });
        expect(upToSecond.map((e) => e.version)).toEqual([1, 2]);
        const beforeFirst = new Date(Date.parse(first.events[0].metadata.recordedAt) - 1);
        expect(await store.readStream(streamId, { recordedUpTo: beforeFirst })).toEqual([]);
        expect(await store.readStream(streamId, { recordedUpTo: new Date(Date.now() + 60_000) })).toHaveLength(3);
        expect(await store.readStream(uniqueStream())).toEqual([]);
        expect(await store.streamVersion(uniqueStream())).toBe(0);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 32 writers racing on one version win', async () => {
        const streamId = uniqueStream();
        await store.append(streamId, [newEvent()], 'no_stream');

        const outcomes = await Promise.allSettled(
          Array.from({ length: 32 }, (_, writer) => store.append(streamId, [newEvent('Raced', { writer })], 1)),
        );

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(31);
        for (const failure of lost) {
          expect(failure.reason).toBeInstanceOf(ConcurrencyError);
          expect((failure.reason as ConcurrencyError).expected).toBe(1);
        }
        const read = await store.readStream(streamId);
        expect(read).toHaveLength(2);
        expect(read[1].eventId).toBe(
          (won[0] as PromiseFulfilledResult<{ events: RecordedEvent[] }>).value.events[0].eventId,
        );
        expect(verifyStreamChain(read)).toBeNull();
      });

      it("serialises 32 racing 'any' appends into one unbroken chain", async () => {
        const streamId = uniqueStream();
        const results = await Promise.all(
          Array.from({ length: 32 }, (_, writer) => store.append(streamId, [newEvent('Raced', { writer })], 'any')),
        );
        expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 32 }, (_, i) => i + 1),
        );
        const read = await store.readStream(streamId);
        expect(read).toHaveLength(32);
        expect(verifyStreamChain(read)).toBeNull();
      });

      it('stays correct when another instance appended behind its back', async () => {
        const other = await factory();
        try {
          const streamId = uniqueStream();
          await store.append(streamId, [newEvent()], 'no_stream');
          await other.append(streamId, [newEvent()], 1);

          expect((await expectConflict(store.append(streamId, [newEvent()], 1), streamId)).actual).toBe(2);
          expect((await store.append(streamId, [newEvent()], 2)).version).toBe(3);
          await other.append(streamId, [newEvent()], 'any');
          expect((await store.append(streamId, [newEvent()], 'any')).version).toBe(5);

          expect(verifyStreamChain(await other.readStream(streamId))).toBeNull();
        } finally {
          await other.close();
        }
      });
    });

    describe('global feed', () => {
      it('delivers new events in order, in batches, and returns the checkpoint unchanged when drained', async () => {
        const { checkpoint: start } = await drainFeed(store, 0);
        const a = uniqueStream();
        const b = uniqueStream();
        await store.append(a, newEvents(2), 'no_stream');
        await store.append(b, newEvents(1), 'no_stream');
        await store.append(a, newEvents(1), 2);
        const mine = new Set([a, b]);

        const one = await store.readAll({ after: start, limit: 1 });
        expect(one.events.length).toBeLessThanOrEqual(1);

        const { events, checkpoint } = await followFeedUntil(
          store,
          start,
          (delivered) => delivered.filter((e) => mine.has(e.streamId)).length === 4,
        );
        const ours = events.filter((e) => mine.has(e.streamId));
        expect(ours.map((e) => [e.streamId, e.version])).toEqual([
          [a, 1],
          [a, 2],
          [b, 1],
          [a, 3],
        ]);
        expect(checkpoint).toBe(events[events.length - 1].position);

        const drained = await drainFeed(store, checkpoint);
        const empty = await store.readAll({ after: drained.checkpoint, limit: 10 });
        expect(empty).toEqual({ events: [], checkpoint: drained.checkpoint });
      });

      it('answers isAtOrBefore in feed order', async () => {
        const { checkpoint: start } = await drainFeed(store, 0);
        const streamId = uniqueStream();
        await store.append(streamId, newEvents(3), 'no_stream');
        const { events } = await followFeedUntil(
          store,
          start,
          (delivered) => delivered.filter((e) => e.streamId === streamId).length === 3,
        );
        const [first, , third] = events.filter((e) => e.streamId === streamId);

        expect(await store.isAtOrBefore(first.position, third.position)).toBe(true);
        expect(await store.isAtOrBefore(third.position, third.position)).toBe(true);
        expect(await store.isAtOrBefore(third.position, first.position)).toBe(false);
        expect(await store.isAtOrBefore(first.position, 0)).toBe(false);
      });

      it('delivers every event exactly once, streams in version order, to a reader racing 16 writers over 100 streams', async () => {
        const streams = Array.from({ length: 100 }, () => uniqueStream('load'));
        const mine = new Set(streams);
        const { checkpoint: start } = await drainFeed(store, 0);
        const written = new Map<number, RecordedEvent>();
        let writing = true;

        const reader = (async (): Promise<RecordedEvent[]> => {
          const delivered: RecordedEvent[] = [];
          let checkpoint = start;
          let ours = 0;
          const deadline = Date.now() + 60_000;
          while (writing || ours < written.size) {
            if (Date.now() > deadline) throw new Error(`Reader saw ${ours} of ${written.size} events`);
            const batch: FeedBatch = await store.readAll({ after: checkpoint, limit: 200 });
            delivered.push(...batch.events);
            ours += batch.events.filter((e) => mine.has(e.streamId)).length;
            checkpoint = batch.checkpoint;
            if (batch.events.length === 0) await sleep(5);
          }
          return delivered;
        })();

        const writers = Array.from({ length: 16 }, async (_, writer) => {
          for (let i = 0; i < 130; i += 1) {
            const streamId = streams[(writer * 37 + i * 13) % streams.length];
            // Every tenth append carries two events, so multi-event appends interleave with single ones.
            const result = await store.append(streamId, newEvents(i % 10 === 0 ? 2 : 1), 'any');
            for (const event of result.events) written.set(event.position, event);
          }
        });
        try {
          await Promise.all(writers);
        } finally {
          writing = false;
        }
        const delivered = await reader;

        expect(written.size).toBeGreaterThanOrEqual(2_000);
        const positions = delivered.map((e) => e.position);
        expect(new Set(positions).size).toBe(positions.length);
        const ours = delivered.filter((e) => mine.has(e.streamId));
        expect(ours).toHaveLength(written.size);
        for (const event of ours) expect(written.get(event.position)).toEqual(event);
        for (const [, events] of byStream(delivered, mine)) {
          expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
        }
      }, 120_000);
    });

    describe('subscribe', () => {
      it('delivers batches one at a time from its checkpoint and stops', async () => {
        const { checkpoint: from } = await drainFeed(store, 0);
        const streamId = uniqueStream();
        const received: RecordedEvent[] = [];
        const checkpoints: number[] = [];
        let inFlight = 0;
        let overlapped = false;

        const subscription = store.subscribe(
          async (batch) => {
            if (inFlight++ > 0) overlapped = true;
            received.push(...batch.events.filter((e) => e.streamId === streamId));
            checkpoints.push(batch.checkpoint);
            await sleep(5);
            inFlight -= 1;
          },
          { from, batchSize: 2, idleMs: 20 },
        );
        await store.append(streamId, newEvents(5), 'no_stream');
        await waitFor(() => received.length === 5);
        await subscription.stop();

        await store.append(streamId, newEvents(1), 5);
        await sleep(100);
        expect(received.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
        expect(overlapped).toBe(false);
        expect([...checkpoints].sort((x, y) => x - y)).toEqual(checkpoints);
      });

      it('reports a failing handler and delivers the batch again', async () => {
        const { checkpoint: from } = await drainFeed(store, 0);
        const streamId = uniqueStream();
        const errors: unknown[] = [];
        const received: RecordedEvent[] = [];
        let failed = false;

        const subscription = store.subscribe(
          async (batch) => {
            const ours = batch.events.filter((e) => e.streamId === streamId);
            if (ours.length > 0 && !failed) {
              failed = true;
              throw new Error('projection failed');
            }
            received.push(...ours);
          },
          { from, idleMs: 10, onError: (error) => errors.push(error) },
        );
        await store.append(streamId, newEvents(2), 'no_stream');
        await waitFor(() => received.length === 2);
        await subscription.stop();

        expect(errors).toHaveLength(1);
        expect(received.map((e) => e.version)).toEqual([1, 2]);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await sleep(10);
  }
}
