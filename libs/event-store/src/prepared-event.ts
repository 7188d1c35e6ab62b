import type { EventMetadata, Json, NewEvent, RecordedEvent, StoredMetadata } from './event-store.port';
import { computeEventHash, isPlainJson } from './hash-chain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new event after the JSON round trip, i.e. exactly what a store will keep and hand back (and what is hashed). */
export interface PreparedEvent {
  eventId: string;
  type: string;
  data: Json;
  /** `data` as JSON text, computed once for the check below and reused by stores that send text. */
  dataText: string;
  metadata: EventMetadata;
}

/** Validates a new event and normalises it through JSON; every adapter prepares events with this one function. */
export function prepareEvent(event: NewEvent): PreparedEvent {
  if (!UUID.test(event.eventId)) throw new TypeError(`eventId must be a UUID: ${event.eventId}`);
  if (!event.type) throw new TypeError('An event needs a type');
  const dataText = JSON.stringify(event.data) as string | undefined;
  if (dataText === undefined) throw new TypeError(`Event ${event.eventId} has no JSON data`);
  // The store owns recordedAt, prevHash and hash; drop them if a caller passed a recorded event's metadata along.
  const {
    recordedAt: _recordedAt,
    prevHash: _prevHash,
    hash: _hash,
    ...metadata
  } = event.metadata as EventMetadata & Partial<StoredMetadata>;
  return {
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    // Re-parsing costs a noticeable share of an append, so it is kept for values that JSON would change.
    data: isPlainJson(event.data) ? event.data : (JSON.parse(dataText) as Json),
    dataText,
    metadata: isPlainJson(metadata) ? metadata : (JSON.parse(JSON.stringify(metadata)) as EventMetadata),
  };
}

/**
 * A stream's events recorded up to `limit`. recordedAt comes from the appending process's clock, so across
 * processes it need not grow with the version; cutting at the first later event keeps the result a prefix of the
 * stream, which is what a fold needs.
 */
export function recordedUpTo(events: RecordedEvent[], limit: Date | undefined): RecordedEvent[] {
  if (!limit) return events;
  const cut = events.findIndex((event) => Date.parse(event.metadata.recordedAt) > limit.getTime());
  return cut === -1 ? events : events.slice(0, cut);
}

/** The last event a new one chains to: its version (0: none) and hash. */
export interface ChainHead {
  version: number;
  hash: string;
}

/**
 * The events as they will be stored: versions after `head`, one recordedAt, each hash over the canonical stored form
 * chained to the one before. Every adapter chains with this, so `verify` works on all of them. Positions are filled
 * in once the store has assigned them.
 */
export function chainEvents(
  streamId: string,
  head: ChainHead,
  events: readonly PreparedEvent[],
  recordedAt: string,
): RecordedEvent[] {
  let prevHash = head.hash;
  return events.map((event, index) => {
    const version = head.version + index + 1;
    const unhashed = { ...event.metadata, recordedAt, prevHash };
    const stored = { eventId: event.eventId, streamId, version, type: event.type, data: event.data };
    const hash = computeEventHash({ ...stored, metadata: unhashed });
    prevHash = hash;
    return { ...stored, position: 0, metadata: { ...unhashed, hash } };
  });
}
