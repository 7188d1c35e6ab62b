import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { CONSENT_IN_READS } from '../../common/consent-docs';
import { ApiRoute } from '../../openapi/api-route';
import { AuditRead } from '../shared/audit-read.decorator';
import { NoQueryPipe } from '../shared/no-query.pipe';
import { GetTimeline, type TimelineView } from './get-timeline.query';
import { TimelineSchema } from './timeline.responses';

@AuditRead()
@Controller('v1/cases/:caseId')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'getTimeline',
    summary: 'Every event of the case in stream order, with its actor, both times and retraction',
    description: CONSENT_IN_READS,
    ids: ['caseId'],
    answer: { type: TimelineSchema, description: 'The case’s events' },
    errors: [404],
  })
  @LogsCaseAccess('timeline')
  @Get('timeline')
  timeline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query(NoQueryPipe) _query: Record<string, never>,
  ): Promise<TimelineView> {
    return this.queries.execute(new GetTimeline(caseId, user));
  }
}
