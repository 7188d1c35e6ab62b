import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { ExtendPreventiveMeasureDto, ImposePreventiveMeasureDto } from './preventive-measures.dto';

/** Preventive measures a court imposes on a person awaiting trial (pre-trial detention, house arrest, bail...). */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId/preventive-measures')
export class PreventiveMeasuresController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({ operationId: 'imposePreventiveMeasure', summary: 'Record a preventive measure imposed by a court' })
  @Post()
  impose(@CaseTarget() target: CaseWriteTarget, @Body() body: ImposePreventiveMeasureDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'ImposePreventiveMeasure',
        ...fields({ ...body, until: utc(body.until) }, 'measure', 'until', 'hearingId'),
      }),
    });
  }

  @CaseWriteRoute({ operationId: 'extendPreventiveMeasure', summary: 'Record the current preventive measure extended' })
  @Post('extend')
  extend(@CaseTarget() target: CaseWriteTarget, @Body() body: ExtendPreventiveMeasureDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'ExtendPreventiveMeasure',
        ...fields({ ...body, until: utc(body.until) }, 'until', 'hearingId', 'measure'),
      }),
    });
  }
}
