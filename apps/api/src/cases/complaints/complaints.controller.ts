import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { ComplaintFiledAnswerSchema } from '../shared/write-answers';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  FileComplaintDto,
  RecordComplainantPressureDto,
  RecordComplaintResponseDto,
  WithdrawComplaintDto,
} from './complaints.dto';

/** Complaints to the prosecutor and others, their answers, pressure on the complainant, withdrawal. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId/complaints')
export class ComplaintsController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'fileComplaint',
    summary: 'Record a complaint filed with a prosecutor, a court or another body',
    answer: ComplaintFiledAnswerSchema,
  })
  @Post()
  file(@CaseTarget() target: CaseWriteTarget, @Body() body: FileComplaintDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: (ids) => ({
        type: 'FileComplaint',
        complaintId: ids.id('complaint'),
        ...fields(
          { ...body, responseDueAt: utc(body.responseDueAt) },
          'allegationId',
          'filedWith',
          'reference',
          'responseDueAt',
        ),
      }),
      answer: (command) => ({ complaintId: command.complaintId }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordComplaintResponse',
    summary: 'Record the answer to a complaint',
    itemIds: ['complaintId'],
  })
  @Post(':complaintId/response')
  recordResponse(
    @CaseTarget() target: CaseWriteTarget,
    @Param('complaintId', ParseIdPipe) complaintId: string,
    @Body() body: RecordComplaintResponseDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RecordComplaintResponse',
        complaintId,
        ...fields(body, 'outcome', 'reference', 'note'),
      }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordComplainantPressure',
    summary: 'Record pressure on the complainant to withdraw',
    itemIds: ['complaintId'],
  })
  @Post(':complaintId/pressure')
  recordPressure(
    @CaseTarget() target: CaseWriteTarget,
    @Param('complaintId', ParseIdPipe) complaintId: string,
    @Body() body: RecordComplainantPressureDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordComplainantPressure', complaintId, ...fields(body, 'by', 'details') }),
    });
  }

  @CaseWriteRoute({
    operationId: 'withdrawComplaint',
    summary: 'Record a complaint withdrawn',
    itemIds: ['complaintId'],
  })
  @Post(':complaintId/withdraw')
  withdraw(
    @CaseTarget() target: CaseWriteTarget,
    @Param('complaintId', ParseIdPipe) complaintId: string,
    @Body() body: WithdrawComplaintDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'WithdrawComplaint', complaintId, ...fields(body, 'reason') }),
    });
  }
}
