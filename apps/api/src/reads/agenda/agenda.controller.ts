import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { type AgendaItem, GetAgendaQuery } from '@casetrack/read-model';
import { ReadController, viewerOf } from '../shared/read-controller';

export class AgendaDto {
  /** How many days ahead, 1..90; default 7. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

@ApiTags('reads')
@ReadController()
@Controller('v1/agenda')
export class AgendaController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Upcoming deadlines, soonest first: scheduled hearings, preventive measures ending, complaints due or overdue.
   * A lawyer's own cases; a coordinator's or auditor's: every open case (at most 500 items).
   */
  @Get()
  agenda(@CurrentUser() user: AuthenticatedUser, @Query() query: AgendaDto): Promise<{ items: AgendaItem[] }> {
    return this.queries.execute(new GetAgendaQuery(viewerOf(user), query.days ?? 7));
  }
}
