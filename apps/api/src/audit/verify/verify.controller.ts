import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { getSchemaPath } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import type { ChainVerification } from '@casetrack/event-store';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { ApiRoute } from '../../openapi/api-route';
import { AuditRead } from '../shared/audit-read.decorator';
import { NoQueryPipe } from '../shared/no-query.pipe';
import { VerifyCase } from './verify-case.query';
import { ChainBrokenSchema, ChainValidSchema } from './verify.responses';

@AuditRead()
@Controller('v1/cases/:caseId')
export class VerifyController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'verifyCase',
    summary: 'Recompute the hash chain: {valid, events, headHash} or {valid: false, brokenAtVersion, problem}',
    ids: ['caseId'],
    answer: {
      description: 'Whether the stream is as it was recorded',
      content: {
        'application/json': {
          schema: { oneOf: [{ $ref: getSchemaPath(ChainValidSchema) }, { $ref: getSchemaPath(ChainBrokenSchema) }] },
        },
      },
    },
    models: [ChainValidSchema, ChainBrokenSchema],
    errors: [404],
  })
  @LogsCaseAccess('verify')
  @Get('verify')
  verify(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query(NoQueryPipe) _query: Record<string, never>,
  ): Promise<ChainVerification> {
    return this.queries.execute(new VerifyCase(caseId, user));
  }
}
