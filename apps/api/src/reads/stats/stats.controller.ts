import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { GetStatsQuery, type Stats } from '@casetrack/read-model';
import { ApiRoute } from '../../openapi/api-route';
import { ReadController, viewerOf } from '../shared/read-controller';
import { StatsQueryDto } from './stats.dto';
import { StatsSchema } from './stats.responses';

@ApiTags('reads')
@ReadController()
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'getStats',
    summary: 'Counts over the cases the caller may see (a lawyer: their own); no names, no case text',
    description:
      'Computed when asked from the read models. Merged duplicates are never counted; closed cases are, unless ' +
      '`closed=false`. A value that is not known (a city, an article, a facility, a cause) is counted under none.',
    answer: { type: StatsSchema, description: 'The statistics' },
  })
  @Get()
  stats(@CurrentUser() user: AuthenticatedUser, @Query() query: StatsQueryDto): Promise<Stats> {
    return this.queries.execute(new GetStatsQuery(viewerOf(user), { ...query, timeZone: user.timeZone }));
  }
}
