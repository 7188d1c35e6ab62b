import { jsonEvent, type EventData, type JSONType, type Position } from '@kurrent/kurrentdb-client';
import type { Json, RecordedEvent, StoredMetadata } from '../event-store.port';
import { toFeedPosition } from './positions';
import { versionOf } from './revisions';

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
