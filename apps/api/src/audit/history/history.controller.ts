import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import type { CaseHistory } from '@casetrack/domain';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { CONSENT_IN_READS } from '../../common/consent-docs';
import { ApiRoute } from '../../openapi/api-route';
import { AuditRead } from '../shared/audit-read.decorator';
import { GetHistory } from './get-history.query';
import { HistoryQueryDto } from './history.dto';
import { CaseHistorySchema } from './history.responses';

@AuditRead()
@Controller('v1/cases/:caseId')
export class HistoryController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'getHistory',
    summary: 'The case as it stood at asOf, on the recorded or the occurred time axis',
    description: CONSENT_IN_READS,
    ids: ['caseId'],
    answer: { type: CaseHistorySchema, description: 'The case as it stood' },
    errors: [404],
  })
  @LogsCaseAccess('history')
  @Get('history')
  history(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query() query: HistoryQueryDto,
  ): Promise<CaseHistory> {
    return this.queries.execute(new GetHistory(caseId, user, query.asOf, query.axis ?? 'recorded'));
  }
}
