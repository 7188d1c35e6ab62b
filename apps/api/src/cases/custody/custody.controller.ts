import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  RecordAccessDenialDto,
  RecordAccessGrantedDto,
  RecordDeathDto,
  RecordDetentionDto,
  RecordMedicalFactDto,
  ReleaseDto,
  ReleaseToHouseArrestDto,
  ReportWhereaboutsUnknownDto,
  TransferDetaineeDto,
} from './custody.dto';
import { recordDetentionCommand, transferDetaineeCommand } from './custody.commands';

/**
 * Where the detainee is, under whose control, and what happens to them there: detention, unknown whereabouts,
 * transfers, releases, access denied to lawyers, relatives or doctors, medical facts, death.
 */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CustodyController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'recordDetention',
    summary: 'Record a detention: where, by which authority, in what circumstances',
  })
  @Post('detention')
  recordDetention(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordDetentionDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => recordDetentionCommand(body),
    });
  }

  @CaseWriteRoute({
    operationId: 'reportWhereaboutsUnknown',
    summary: 'Report that nobody knows where the detainee is held',
  })
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

  @CaseWriteRoute({ operationId: 'transferDetainee', summary: 'Record a transfer to another facility' })
  @Post('transfers')
  transfer(@CaseTarget() target: CaseWriteTarget, @Body() body: TransferDetaineeDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => transferDetaineeCommand(body),
    });
  }

  @CaseWriteRoute({ operationId: 'releaseToHouseArrest', summary: 'Record a release from custody to house arrest' })
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

  @CaseWriteRoute({ operationId: 'release', summary: 'Record a release, on what grounds' })
  @Post('release')
  release(@CaseTarget() target: CaseWriteTarget, @Body() body: ReleaseDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'Release', ...fields(body, 'grounds', 'note') }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordAccessDenial',
    summary: 'Record that a lawyer, relatives or a doctor were denied access',
  })
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

  @CaseWriteRoute({
    operationId: 'recordAccessGranted',
    summary: 'Record that a lawyer, relatives or a doctor were given access again, ending the open denial',
  })
  @Post('access-granted')
  recordAccessGranted(
    @CaseTarget() target: CaseWriteTarget,
    @Body() body: RecordAccessGrantedDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordAccessGranted', who: body.who }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordMedicalFact',
    summary: 'Record a medical need, care denied, a stay in hospital or a removal from it',
  })
  @Post('medical')
  recordMedicalFact(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordMedicalFactDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordMedicalFact', ...fields(body, 'kind', 'details') }),
    });
  }

  @CaseWriteRoute({ operationId: 'recordDeath', summary: 'Record the detainee’s death and its circumstances' })
  @Post('death')
  recordDeath(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordDeathDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RecordDeath',
        ...fields(body, 'circumstances', 'bodyReleased', 'details'),
        // Empty is the same as absent (not known), so it is not stored.
        ...(body.causes && body.causes.length > 0 ? { causes: [...new Set(body.causes)] } : {}),
      }),
    });
  }
}
