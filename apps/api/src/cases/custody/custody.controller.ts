import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { fields, utc } from '../shared/fields';
import { type WriteRequestContext, WriteRequest } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  RecordDetentionDto,
  ReleaseDto,
  ReleaseToHouseArrestDto,
  ReportWhereaboutsUnknownDto,
  TransferDetaineeDto,
} from './custody.dto';

/** Where the detainee is and under whose control: detention, unknown whereabouts, transfers, releases. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CustodyController {
  constructor(private readonly writer: CaseWriter) {}

  @Post('detention')
  recordDetention(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: RecordDetentionDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId,
      body,
      command: () => ({
        type: 'RecordDetention',
        ...fields(body, 'city', 'place', 'authority', 'circumstances', 'injuries'),
      }),
    });
  }

  @Post('whereabouts-unknown')
  reportWhereaboutsUnknown(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReportWhereaboutsUnknownDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId,
      body,
      command: () => ({ type: 'ReportWhereaboutsUnknown', ...fields(body, 'reportedBy') }),
    });
  }

  @Post('transfers')
  transfer(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: TransferDetaineeDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId,
      body,
      command: () => ({ type: 'TransferDetainee', facility: fields(body.facility, 'code', 'name', 'city', 'kind') }),
    });
  }

  @Post('release-to-house-arrest')
  releaseToHouseArrest(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReleaseToHouseArrestDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId,
      body,
      command: () => ({
        type: 'ReleaseToHouseArrest',
        ...fields({ ...body, until: utc(body.until) }, 'until', 'address', 'conditions'),
      }),
    });
  }

  @Post('release')
  release(
    @WriteRequest() request: WriteRequestContext,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReleaseDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId,
      body,
      command: () => ({ type: 'Release', ...fields(body, 'grounds', 'note') }),
    });
  }
}
