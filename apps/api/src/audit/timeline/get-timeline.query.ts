import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { TimelineEntry } from '@casetrack/event-store';

export interface TimelineView {
  events: TimelineEntry[];
}

export class GetTimeline extends Query<TimelineView> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
  ) {
    super();
  }
}
