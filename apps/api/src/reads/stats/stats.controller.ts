import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { GetStatsQuery, type Stats } from '@casetrack/read-model';
import { ReadController, viewerOf } from '../shared/read-controller';

@ApiTags('reads')
@ReadController()
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  /** Counts over the cases the caller may see (a lawyer: their own). No names, no case text. */
  @Get()
  stats(@CurrentUser() user: AuthenticatedUser): Promise<Stats> {
    return this.queries.execute(new GetStatsQuery(viewerOf(user)));
  }
}
