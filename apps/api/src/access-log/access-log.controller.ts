import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@casetrack/auth';
import { IsId } from '../cases/shared/validators';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { CaseAccessPageSchema } from './access-log.responses';
import { CaseAccessLog } from './case-access-log';

export class AccessLogQueryDto {
  @IsOptional()
  @IsId()
  caseId?: string;

  @IsOptional()
  @IsId()
  userId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** Who read which case when, newest first: for auditors and coordinators. */
@ApiTags('audit')
@SignedInRoutes()
@Controller('v1/audit/access')
export class AccessLogController {
  constructor(private readonly log: CaseAccessLog) {}

  @ApiRoute({
    operationId: 'listCaseAccess',
    summary: 'Who read which case when, newest first (auditors and coordinators)',
    answer: { type: CaseAccessPageSchema, description: 'A page of reads (50 a page by default)' },
  })
  @Roles('auditor', 'coordinator')
  @Get()
  async find(@Query() query: AccessLogQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.log.find({ caseId: query.caseId, userId: query.userId, page, pageSize });
    return { items, total, page, pageSize };
  }
}
