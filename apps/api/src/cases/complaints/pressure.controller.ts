import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { ReportPressureDto } from './complaints.dto';

/**
 * Pressure on the detainee or their family that is not tied to one complaint: threats of prosecution for "false
 * information", threats to the family, non-disclosure agreements. Pressure about a complaint keeps its own route.
 */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class PressureController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'reportPressure',
    summary: 'Record pressure on the detainee or their family not tied to one complaint',
  })
  @Post('pressure')
  report(@CaseTarget() target: CaseWriteTarget, @Body() body: ReportPressureDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'ReportPressure', ...fields(body, 'by', 'details', 'kind') }),
    });
  }
}
