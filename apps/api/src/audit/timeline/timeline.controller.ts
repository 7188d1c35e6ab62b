import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { CONSENT_IN_READS } from '../../common/consent-docs';
import { ApiRoute } from '../../openapi/api-route';
import { AuditRead } from '../shared/audit-read.decorator';
import { ApiException } from '../../common/api-exception';
import { GetTimeline, type TimelineView } from './get-timeline.query';
import { TimelineSchema } from './timeline.responses';
import { TimelineQueryDto } from './timeline.dto';

@AuditRead()
@Controller('v1/cases/:caseId')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'getTimeline',
    summary: 'Every event of the case in stream order, with its actor, both times and retraction',
    description:
      `${CONSENT_IN_READS} With \`after\` and/or \`until\`, only the facts whose time on \`axis\` lies in ` +
      '(after, until]: what changed between two moments of the history viewer. On the occurred axis the opening ' +
      'and retractions are left out (history counts them at every moment).',
    ids: ['caseId'],
    answer: { type: TimelineSchema, description: 'The case’s events' },
    errors: [404],
  })
  @LogsCaseAccess('timeline')
  @Get('timeline')
  timeline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query() query: TimelineQueryDto,
  ): Promise<TimelineView> {
    const { after, until } = query;
    if (after !== undefined && until !== undefined && Date.parse(after) > Date.parse(until)) {
      throw ApiException.validation([{ field: 'until', message: 'until must not be before after' }]);
    }
    const between =
      after === undefined && until === undefined ? undefined : { axis: query.axis ?? 'recorded', after, until };
    return this.queries.execute(new GetTimeline(caseId, user, between));
  }
}
