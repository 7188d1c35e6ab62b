import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  RecordAccessDenialDto,
  RecordDeathDto,
  RecordDetentionDto,
  RecordMedicalFactDto,
  ReleaseDto,
  ReleaseToHouseArrestDto,
  ReportWhereaboutsUnknownDto,
  TransferDetaineeDto,
} from './custody.dto';

/**
 * Where the detainee is, under whose control, and what happens to them there: detention, unknown whereabouts,
 * transfers, releases, access denied to lawyers, relatives or doctors, medical facts, death.
 */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CustodyController {
  constructor(private readonly writer: CaseWriter) {}

  @Post('detention')
  recordDetention(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordDetentionDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RecordDetention',
        ...fields(body, 'city', 'place', 'authority', 'circumstances', 'injuries'),
      }),
    });
  }

  @Post('whereabouts-unknown')
  reportWhereaboutsUnknown(
    @CaseTarget() target: CaseWriteTarget,
    @Body() body: ReportWhereaboutsUnknownDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'ReportWhereaboutsUnknown', ...fields(body, 'reportedBy') }),
    });
  }

  @Post('transfers')
  transfer(@CaseTarget() target: CaseWriteTarget, @Body() body: TransferDetaineeDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'TransferDetainee', facility: fields(body.facility, 'code', 'name', 'city', 'kind') }),
    });
  }

  @Post('release-to-house-arrest')
  releaseToHouseArrest(
    @CaseTarget() target: CaseWriteTarget,
    @Body() body: ReleaseToHouseArrestDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'ReleaseToHouseArrest',
        ...fields({ ...body, until: utc(body.until) }, 'until', 'address', 'conditions'),
      }),
    });
  }

  @Post('release')
  release(@CaseTarget() target: CaseWriteTarget, @Body() body: ReleaseDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'Release', ...fields(body, 'grounds', 'note') }),
    });
  }

  @Post('access-denials')
  recordAccessDenial(
    @CaseTarget() target: CaseWriteTarget,
    @Body() body: RecordAccessDenialDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordAccessDenial', ...fields(body, 'who', 'by', 'details') }),
    });
  }

  @Post('medical')
  recordMedicalFact(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordMedicalFactDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordMedicalFact', ...fields(body, 'kind', 'details') }),
    });
  }

  @Post('death')
  recordDeath(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordDeathDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordDeath', ...fields(body, 'circumstances', 'bodyReleased', 'details') }),
    });
  }
}
