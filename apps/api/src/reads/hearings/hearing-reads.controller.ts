import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import {
  type CalendarHearing,
  type HearingCourt,
  ListHearingCourtsQuery,
  ListHearingsQuery,
  type Page,
} from '@casetrack/read-model';
import { utc } from '../../cases/shared/fields';
import { ApiException } from '../../common/api-exception';
import { pageOf } from '../shared/page.dto';
import { ReadController, viewerOf } from '../shared/read-controller';
import { ApiRoute } from '../../openapi/api-route';
import { ListHearingCourtsDto, ListHearingsDto } from './hearing-reads.dto';
import { HearingCourtListSchema, HearingPageSchema } from './hearing-reads.responses';

/** A picker lists a day's or a week's courts; a longer period is a report, not a picker. */
const MAX_COURTS_PERIOD_MS = 31 * 24 * 3_600_000;

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

  @ApiRoute({
    operationId: 'listHearingCourts',
    summary: 'The courts sitting in a period (the court day’s picker), the busiest first',
    answer: {
      type: HearingCourtListSchema,
      description: 'Courts with hearings in the period on cases the reader may see',
    },
  })
  @Get('courts')
  courts(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListHearingCourtsDto,
  ): Promise<{ items: HearingCourt[] }> {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (from > to) throw ApiException.validation([{ field: 'to', message: 'to must not be before from' }]);
    if (to - from > MAX_COURTS_PERIOD_MS) {
      throw ApiException.validation([{ field: 'to', message: 'the period must not be longer than 31 days' }]);
    }
    return this.queries.execute(
      new ListHearingCourtsQuery(viewerOf(user), { from: utc(query.from), to: utc(query.to) }),
    );
  }
}
