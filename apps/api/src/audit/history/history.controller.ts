import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import type { CaseHistory } from '@casetrack/domain';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { CONSENT_IN_READS } from '../../common/consent-docs';
import { AuditRead } from '../shared/audit-read.decorator';
import { GetHistory } from './get-history.query';
import { HistoryQueryDto } from './history.dto';

@AuditRead()
@Controller('v1/cases/:caseId')
export class HistoryController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOperation({
    summary: 'The case as it stood at asOf, on the recorded or the occurred time axis',
    description: CONSENT_IN_READS,
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
