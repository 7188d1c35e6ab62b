import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseTimeline } from '@casetrack/event-store';
import { CaseStreamReader } from '../shared/case-stream.reader';
import { GetTimeline, type TimelineView } from './get-timeline.query';

@QueryHandler(GetTimeline)
export class GetTimelineHandler implements IQueryHandler<GetTimeline, TimelineView> {
  constructor(private readonly streams: CaseStreamReader) {}

  async execute(query: GetTimeline): Promise<TimelineView> {
    const { stored, facts } = await this.streams.read(query.caseId, query.reader);
    return { events: caseTimeline(stored, facts) };
  }
}
