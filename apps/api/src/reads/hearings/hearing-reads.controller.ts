import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { type CalendarHearing, ListHearingsQuery, type Page } from '@casetrack/read-model';
import { utc } from '../../cases/shared/fields';
import { ApiException } from '../../common/api-exception';
import { pageOf } from '../shared/page.dto';
import { ReadController, viewerOf } from '../shared/read-controller';
import { ApiRoute } from '../../openapi/api-route';
import { ListHearingsDto } from './hearing-reads.dto';
import { HearingPageSchema } from './hearing-reads.responses';

@ApiTags('reads')
@ReadController()
@Controller('v1/hearings')
export class HearingReadsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'listHearings',
    summary: 'The hearings calendar, soonest first',
    answer: { type: HearingPageSchema, description: 'A page of hearings (100 a page by default)' },
  })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListHearingsDto): Promise<Page<CalendarHearing>> {
    const { page, pageSize, from, to, ...rest } = query;
    if (from && to && Date.parse(from) > Date.parse(to)) {
      throw ApiException.validation([{ field: 'to', message: 'to must not be before from' }]);
    }
    const filters = { ...rest, ...(from ? { from: utc(from) } : {}), ...(to ? { to: utc(to) } : {}) };
    return this.queries.execute(new ListHearingsQuery(viewerOf(user), filters, pageOf({ page, pageSize }, 100)));
  }
}
