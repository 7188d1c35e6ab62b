import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseTimeline, type TimelineEntry } from '@casetrack/event-store';
import { CaseStreamReader } from '../shared/case-stream.reader';
import { GetTimeline, type TimelineView, type TimelineWindow } from './get-timeline.query';

/** Always in the history on the occurred axis (stateAsOf keeps them at any moment), so never a change there. */
const ALWAYS_COUNTED: ReadonlySet<string> = new Set(['CaseOpened', 'FactRetracted']);

/** The same cut as the history's stateAsOf, so the facts listed are exactly those two histories differ by. */
function inWindow(window: TimelineWindow): (entry: TimelineEntry) => boolean {
  const after = window.after === undefined ? -Infinity : Date.parse(window.after);
  const until = window.until === undefined ? Infinity : Date.parse(window.until);
  return (entry) => {
    if (window.axis === 'occurred' && ALWAYS_COUNTED.has(entry.type)) return false;
    const at = Date.parse(window.axis === 'recorded' ? entry.recordedAt : entry.occurredAt);
    return at > after && at <= until;
  };
}

@QueryHandler(GetTimeline)
export class GetTimelineHandler implements IQueryHandler<GetTimeline, TimelineView> {
  constructor(private readonly streams: CaseStreamReader) {}

  async execute(query: GetTimeline): Promise<TimelineView> {
    const { stored, facts } = await this.streams.read(query.caseId, query.reader);
    const events = caseTimeline(stored, facts);
    return { events: query.between ? events.filter(inWindow(query.between)) : events };
  }
}
