import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { type CaseDetail, type CaseListPage, GetCaseQuery, ListCasesQuery } from '@casetrack/read-model';
import { ApiException } from '../../common/api-exception';
import { CONSENT_IN_DETAIL } from '../../common/consent-docs';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { pageOf } from '../shared/page.dto';
import { ReadController, viewerOf } from '../shared/read-controller';
import { ApiRoute } from '../../openapi/api-route';
import { ListCasesDto } from './case-reads.dto';
import { CaseDetailSchema, CasePageSchema } from './case-reads.responses';

@ApiTags('reads')
@ReadController()
@Controller('v1/cases')
export class CaseReadsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'listCases',
    summary: 'The cases the caller may see, filtered',
    answer: { type: CasePageSchema, description: 'A page of case summaries (20 a page by default)' },
  })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListCasesDto): Promise<CaseListPage> {
    const { page, pageSize, ...filters } = query;
    const withZone = { ...filters, timeZone: user.timeZone };
    return this.queries.execute(new ListCasesQuery(viewerOf(user), withZone, pageOf({ page, pageSize })));
  }

  @ApiRoute({
    operationId: 'getCase',
    summary: 'One case: the summary plus hearings, complaints, allegations (without testimony), transfers, measures',
    description: `Allegations carry no testimony here. ${CONSENT_IN_DETAIL}`,
    ids: ['caseId'],
    answer: { type: CaseDetailSchema, description: 'The case' },
    errors: [404],
  })
  @Get(':caseId')
  async detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
  ): Promise<CaseDetail> {
    // Logged as read by the statement that reads it (not by LogsCaseAccess): one round trip, and never unrecorded.
    const found = await this.queries.execute(new GetCaseQuery(viewerOf(user), caseId, 'detail'));
    if (found === null) throw ApiException.notFound('No such case');
    return found;
  }
}
