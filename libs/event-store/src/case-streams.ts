import {
  CASE_EVENT_SCHEMA_VERSIONS,
  type CaseEvent,
  type CaseFact,
  type OccurredAtPrecision,
  type RecorderRole,
  upcast,
} from '@casetrack/domain';
import type { EventMetadata, Json, NewEvent, RecordedEvent } from './event-store.port';

const PREFIX = 'case-';

/** Each case is one stream named `case-<caseId>`. */
export function caseStreamId(caseId: string): string {
  return `${PREFIX}${caseId}`;
}

export function caseIdOf(streamId: string): string | null {
  return streamId.startsWith(PREFIX) ? streamId.slice(PREFIX.length) : null;
}

export type CaseEventMetadata = Omit<EventMetadata, 'schemaVersion'>;

export function toNewCaseEvent(eventId: string, event: CaseEvent, metadata: CaseEventMetadata): NewEvent {
  return {
    eventId,
    type: event.type,
    // Event data is plain JSON by construction (strings, numbers, booleans, arrays, objects).
    data: event.data as unknown as Json,
    metadata: { ...metadata, schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type] },
  };
}

/** A stored event as the domain folds it: upcast to today's schema, with both times and its author. */
export function toCaseFact(recorded: RecordedEvent): CaseFact {
  const { metadata } = recorded;
  return {
    event: upcast(recorded.type, metadata.schemaVersion, recorded.data),
    meta: {
      eventId: recorded.eventId,
      version: recorded.version,
      // An unknown time is folded at its bound, "no later than recorded"; the precision says it is a bound.
      occurredAt: metadata.occurredAt ?? metadata.recordedAt,
      occurredAtPrecision: metadata.occurredAtPrecision as OccurredAtPrecision,
      ...(metadata.occurredOn !== undefined ? { occurredOn: metadata.occurredOn } : {}),
      recordedAt: metadata.recordedAt,
      actorId: metadata.actorId,
      actorRole: metadata.actorRole as RecorderRole,
    },
  };
}
