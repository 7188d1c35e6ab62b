import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@casetrack/auth';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { ReasonDto } from '../shared/reason.dto';
import { type WriteRequestContext, WriteRequest } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';

/** Closing a case (work on it has ended), reopening it, and erasing its sensitive data. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class LifecycleController {
  constructor(private readonly writer: CaseWriter) {}

  @Post('close')
  close(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReasonDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({ request, caseId, body, command: () => ({ type: 'CloseCase', reason: body.reason }) });
  }

  /**
   * Destroys the case's key (coordinators only): identity, testimony and every other sensitive field read as
   * erased from then on, everywhere; the stream's structure, the statistics and the hash chain stay.
   */
  @Roles('coordinator')
  @Post('erase')
  erase(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReasonDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({ request, caseId, body, command: () => ({ type: 'EraseCase', reason: body.reason }) });
  }

  @Post('reopen')
  reopen(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReasonDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({ request, caseId, body, command: () => ({ type: 'ReopenCase', reason: body.reason }) });
  }
}
