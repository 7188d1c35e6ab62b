import { randomUUID } from 'node:crypto';
import type {
  EventMetadata,
  EventStore,
  Json,
  NewEvent,
  RecordedEvent,
} from '../../libs/event-store/src/event-store.port';

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actorId: 'user-1',
    actorRole: 'lawyer',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2024-03-01T10:00:00.000Z',
    occurredAtPrecision: 'minute',
    schemaVersion: 1,
    ...overrides,
  };
}

export function newEvent(type = 'TestHappened', data: Json = { n: 1 }, meta: Partial<EventMetadata> = {}): NewEvent {
  return { eventId: randomUUID(), type, data, metadata: metadata(meta) };
}

export function newEvents(count: number, type = 'TestHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i + 1 }));
}

/** A stream id no other test uses, so tests can share one store. */
export function uniqueStream(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads the feed until a read returns nothing; returns what it read and where it stopped. */
export async function drainFeed(
  store: EventStore,
  after: number,
  limit = 500,
): Promise<{ events: RecordedEvent[]; checkpoint: number }> {
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  for (;;) {
    const batch = await store.readAll({ after: checkpoint, limit });
    if (batch.events.length === 0) return { events, checkpoint };
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

/**
 * Follows the feed from `after` until `done(delivered)` holds or the deadline passes. The feed may legitimately hold
 * events back while any transaction in the cluster is open (other test files run in parallel), hence the polling.
 */
export async function followFeedUntil(
  store: EventStore,
  after: number,
  done: (delivered: RecordedEvent[]) => boolean,
  timeoutMs = 30_000,
): Promise<{ events: RecordedEvent[]; checkpoint: number }> {
  const deadline = Date.now() + timeoutMs;
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  while (!done(events)) {
    if (Date.now() > deadline) throw new Error(`Feed did not deliver the expected events within ${timeoutMs} ms`);
    const batch = await store.readAll({ after: checkpoint, limit: 500 });
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
    if (batch.events.length === 0) await sleep(20);
  }
  return { events, checkpoint };
}

/** The events of the given streams, grouped by stream, each list in feed order. */
export function byStream(events: readonly RecordedEvent[], streams: ReadonlySet<string>): Map<string, RecordedEvent[]> {
  const grouped = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!streams.has(event.streamId)) continue;
    const list = grouped.get(event.streamId) ?? [];
    list.push(event);
    grouped.set(event.streamId, list);
  }
  return grouped;
}

/**
 * Waits until the feed shows the event at `position`: it holds events back while a transaction anywhere in the
 * cluster is open (other test files run in parallel), and a projector that finds nothing to do does nothing.
 */
export async function feedShows(store: EventStore, position: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { events } = await store.readAll({ after: 0, limit: 100_000 });
    if (events.some((event) => event.position === position)) return;
    if (Date.now() > deadline) throw new Error(`the feed never showed position ${position}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
