import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { TimeAxis } from '@casetrack/domain';
import type { TimelineEntry } from '@casetrack/event-store';

export interface TimelineView {
  events: TimelineEntry[];
}

/** The facts whose time on `axis` lies in (after, until]; an absent end is open. */
export interface TimelineWindow {
  axis: TimeAxis;
  after?: string;
  until?: string;
}

export class GetTimeline extends Query<TimelineView> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
    readonly between?: TimelineWindow,
  ) {
    super();
  }
}
