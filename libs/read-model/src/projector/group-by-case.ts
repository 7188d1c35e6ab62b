import { caseIdOf, type RecordedEvent } from '@casetrack/event-store';

/** A feed batch's events per case, each case's in stream order (the feed keeps every stream in version order). */
export function groupByCase(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const byCase = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const caseId = caseIdOf(event.streamId);
    if (caseId === null) continue;
    const list = byCase.get(caseId);
    if (list) list.push(event);
    else byCase.set(caseId, [event]);
  }
  return byCase;
}
