import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { type AgendaItem, GetAgendaQuery } from '@casetrack/read-model';
import { ApiRoute } from '../../openapi/api-route';
import { ReadController, viewerOf } from '../shared/read-controller';
import { AGENDA_ITEMS, AgendaSchema } from './agenda.responses';

export class AgendaDto {
  @ApiProperty({ description: 'How many days ahead, 1..90; default 7.', type: 'integer' })
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

  @ApiRoute({
    operationId: 'getAgenda',
    summary:
      'Upcoming deadlines, soonest first: scheduled hearings, preventive measures ending, complaints due or overdue',
    description: "A lawyer's own cases; a coordinator's or auditor's: every open case (at most 500 items).",
    answer: { type: AgendaSchema, description: 'The agenda' },
    models: AGENDA_ITEMS,
  })
  @Get()
  agenda(@CurrentUser() user: AuthenticatedUser, @Query() query: AgendaDto): Promise<{ items: AgendaItem[] }> {
    return this.queries.execute(new GetAgendaQuery(viewerOf(user), query.days ?? 7));
  }
}
