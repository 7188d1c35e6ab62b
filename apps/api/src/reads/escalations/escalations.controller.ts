import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@casetrack/auth';
import { type Escalation, ListEscalationsQuery, type Page } from '@casetrack/read-model';
import { pageOf } from '../shared/page.dto';
import { ReadController, viewerOf } from '../shared/read-controller';
import { ApiRoute } from '../../openapi/api-route';
import { ListEscalationsDto } from './escalations.dto';
import { EscalationPageSchema } from './escalations.responses';

/**
 * The coordinators' escalation queue. Lawyers are refused (403) rather than shown their own cases: a case with no
 * lawyer is never theirs, and their own deadlines (a term ended included) are on their agenda.
 */
@ApiTags('reads')
@ReadController()
@Controller('v1/escalations')
export class EscalationsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'listEscalations',
    summary: 'Cases waiting for a coordinator (unlocated, no lawyer, term ended without release), oldest first',
    description:
      'Open, unmerged cases of living people, one item per case and reason. Coordinators (to act) and auditors ' +
      '(to read); lawyers and admins 403. Paged like the case list (20 a page by default, at most 100).',
    answer: { type: EscalationPageSchema, description: 'A page of the queue' },
    errors: [[403, 'FORBIDDEN: lawyers and admins']],
  })
  @Roles('coordinator', 'auditor')
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListEscalationsDto): Promise<Page<Escalation>> {
    const { page, pageSize, reason } = query;
    return this.queries.execute(new ListEscalationsQuery(viewerOf(user), pageOf({ page, pageSize }), reason));
  }
}
