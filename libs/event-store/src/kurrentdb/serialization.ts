import { jsonEvent, type EventData, type JSONType, type Position } from '@kurrent/kurrentdb-client';
import type { EventMetadata, Json, NewEvent, RecordedEvent, StoredMetadata } from '../event-store.port';
import { computeEventHash, isPlainJson } from '../hash-chain';
import { toFeedPosition } from './positions';
import { versionOf } from './revisions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new event after the JSON round trip, i.e. exactly what KurrentDB will store and hand back (and what is hashed). */
export interface PreparedEvent {
  eventId: string;
  type: string;
  data: Json;
  metadata: EventMetadata;
}

/** The last event a new one chains to: its version (0: none) and hash. */
export interface ChainHead {
  version: number;
  hash: string;
}

/** What KurrentDB hands back for an event: the parts of the client's recorded event this adapter reads. */
export interface KurrentRecord {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export class NotACasetrackEventError extends Error {
  constructor(streamId: string, revision: bigint, why: string) {
    super(`Event ${revision} of ${streamId} in KurrentDB is not a casetrack event: ${why}`);
    this.name = 'NotACasetrackEventError';
  }
}

/** Validates a new event and normalises it through JSON, exactly as the PostgreSQL adapter does. */
export function prepareEvent(event: NewEvent): PreparedEvent {
  if (!UUID.test(event.eventId)) throw new TypeError(`eventId must be a UUID: ${event.eventId}`);
  if (!event.type) throw new TypeError('An event needs a type');
  if ((JSON.stringify(event.data) as string | undefined) === undefined) {
    throw new TypeError(`Event ${event.eventId} has no JSON data`);
  }
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
    data: isPlainJson(event.data) ? event.data : (JSON.parse(JSON.stringify(event.data)) as Json),
    metadata: isPlainJson(metadata) ? metadata : (JSON.parse(JSON.stringify(metadata)) as EventMetadata),
  };
}

/**
 * The events as they will be stored: versions after `head`, one recordedAt, each hash over the canonical stored form
 * chained to the one before (hash-chain.ts, the same function as PostgreSQL, so `verify` works on both). Positions
 * are filled in once KurrentDB has assigned them.
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
    const hash = computeEventHash({ ...event, streamId, version, metadata: unhashed });
    prevHash = hash;
    return { ...event, streamId, version, position: 0, metadata: { ...unhashed, hash } };
  });
}

/**
 * The KurrentDB event for a stored casetrack event: same id, type and data; the metadata is the whole StoredMetadata
 * (recordedAt, prevHash and hash included), so a read gives back exactly what was hashed.
 */
export function toEventData(event: RecordedEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // Any JSON value survives the client's JSON.stringify/JSON.parse; its type only names the usual shapes.
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** A KurrentDB event back as the port's RecordedEvent; refuses anything casetrack did not write. */
export function fromRecord(record: KurrentRecord): RecordedEvent {
  if (!record.isJson) throw new NotACasetrackEventError(record.streamId, record.revision, 'its content is not JSON');
  if (!isStoredMetadata(record.metadata)) {
    throw new NotACasetrackEventError(record.streamId, record.revision, 'its metadata has no recordedAt/prevHash/hash');
  }
  if (!record.position) {
    // Stream reads report positions from KurrentDB/EventStoreDB 22.6 on.
    throw new NotACasetrackEventError(
      record.streamId,
      record.revision,
      'the server reported no position (needs 22.6+)',
    );
  }
  return {
    eventId: record.id.toLowerCase(),
    streamId: record.streamId,
    version: versionOf(record.revision),
    position: toFeedPosition(record.position),
    type: record.type,
    data: record.data as Json,
    metadata: record.metadata,
  };
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return false;
  const { recordedAt, prevHash, hash } = value as Partial<Record<keyof StoredMetadata, unknown>>;
  return typeof recordedAt === 'string' && typeof prevHash === 'string' && typeof hash === 'string';
}
