import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { type ComplaintItem, ListComplaintsQuery, type Page } from '@casetrack/read-model';
import { pageOf } from '../shared/page.dto';
import { ReadController, viewerOf } from '../shared/read-controller';
import { ApiRoute } from '../../openapi/api-route';
import { ListComplaintsDto } from './complaint-reads.dto';
import { ComplaintPageSchema } from './complaint-reads.responses';

@ApiTags('reads')
@ReadController()
@Controller('v1/complaints')
export class ComplaintReadsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'listComplaints',
    summary: 'Complaints, the answer due soonest first',
    answer: { type: ComplaintPageSchema, description: 'A page of complaints (100 a page by default)' },
  })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListComplaintsDto): Promise<Page<ComplaintItem>> {
    const { page, pageSize, ...filters } = query;
    return this.queries.execute(new ListComplaintsQuery(viewerOf(user), filters, pageOf({ page, pageSize }, 100)));
  }
}
