import { type CaseEvent, type CaseFact, type OccurredAtPrecision, retractionsOf } from '@casetrack/domain';
import type { ImportedFrom, RecordedEvent } from './event-store.port';
import { toCaseFact } from './case-streams';

/** One event of `GET /v1/cases/:caseId/timeline`. */
export interface TimelineEntry {
  eventId: string;
  version: number;
  position: number;
  type: CaseEvent['type'];
  occurredAt: string;
  occurredAtPrecision: OccurredAtPrecision;
  /** The writer's day, month or year, with those precisions. */
  occurredOn?: string;
  recordedAt: string;
  actor: { id: string; role: string };
  /** The event's data in today's schema (older schema versions are upcast). */
  data: CaseEvent['data'];
  retracted: boolean;
  /** The retraction that withdrew this fact, when `retracted`. */
  retractedBy?: string;
  /** The imported list and row this fact came from, when it was recorded by an import. */
  importedFrom?: ImportedFrom;
  /** The event's link in the stream's hash chain, so a reader can match it with a verification or a digest. */
  hash: string;
}

/**
 * The case stream as an auditor reads it: every event in stream order, retracted ones included and marked, since a
 * retraction withdraws a fact's effect but never the record that it was once stated. `facts` are the same events as
 * the reader may read them (one per event, in order); the events give only their place in the stream and their hash.
 */
export function caseTimeline(
  events: readonly RecordedEvent[],
  facts: readonly CaseFact[] = events.map(toCaseFact),
): TimelineEntry[] {
  if (facts.length !== events.length) throw new Error('caseTimeline: one fact per event is needed');
  const retractions = retractionsOf(facts);
  return events.map((recorded, index) => {
    const fact = facts[index];
    const retraction = retractions.get(fact.meta.eventId);
    return {
      eventId: fact.meta.eventId,
      version: recorded.version,
      position: recorded.position,
      type: fact.event.type,
      occurredAt: fact.meta.occurredAt,
      occurredAtPrecision: fact.meta.occurredAtPrecision,
      ...(fact.meta.occurredOn !== undefined ? { occurredOn: fact.meta.occurredOn } : {}),
      recordedAt: fact.meta.recordedAt,
      actor: { id: fact.meta.actorId, role: fact.meta.actorRole },
      data: fact.event.data,
      retracted: retraction !== undefined,
      ...(retraction ? { retractedBy: retraction.meta.eventId } : {}),
      ...(recorded.metadata.importedFrom ? { importedFrom: recorded.metadata.importedFrom } : {}),
      hash: recorded.metadata.hash,
    };
  });
}
