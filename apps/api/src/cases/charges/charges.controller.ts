import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { ChargeBroughtAnswerSchema } from '../shared/write-answers';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  BringChargeDto,
  DeliverVerdictDto,
  DropChargeDto,
  ImposeAdministrativeSanctionDto,
  RequalifyChargeDto,
} from './charges.dto';
import { bringChargeCommand } from './charges.commands';

/**
 * What the person is accused of, under the criminal or the administrative code (brought, requalified, dropped),
 * and what came of it: an administrative sanction, the verdict.
 */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class ChargesController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'bringCharge',
    summary: 'Record a charge brought under the criminal or the administrative code',
    answer: ChargeBroughtAnswerSchema,
  })
  @Post('charges')
  bring(@CaseTarget() target: CaseWriteTarget, @Body() body: BringChargeDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: (ids) => bringChargeCommand(body, ids),
      answer: (command) => ({ chargeId: command.chargeId }),
    });
  }

  @CaseWriteRoute({
    operationId: 'requalifyCharge',
    summary: 'Record a charge requalified under another article',
    itemIds: ['chargeId'],
  })
  @Post('charges/:chargeId/requalify')
  requalify(
    @CaseTarget() target: CaseWriteTarget,
    @Param('chargeId', ParseIdPipe) chargeId: string,
    @Body() body: RequalifyChargeDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RequalifyCharge', chargeId, ...fields(body, 'article', 'part', 'title') }),
    });
  }

  @CaseWriteRoute({ operationId: 'dropCharge', summary: 'Record a charge dropped', itemIds: ['chargeId'] })
  @Post('charges/:chargeId/drop')
  drop(
    @CaseTarget() target: CaseWriteTarget,
    @Param('chargeId', ParseIdPipe) chargeId: string,
    @Body() body: DropChargeDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'DropCharge', chargeId, ...fields(body, 'reason') }),
    });
  }

  @CaseWriteRoute({
    operationId: 'imposeAdministrativeSanction',
    summary: 'Record an administrative sanction: arrest, fine or warning',
  })
  @Post('administrative-sanctions')
  imposeSanction(
    @CaseTarget() target: CaseWriteTarget,
    @Body() body: ImposeAdministrativeSanctionDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'ImposeAdministrativeSanction', ...fields(body, 'kind', 'days', 'amount', 'currency') }),
    });
  }

  @CaseWriteRoute({ operationId: 'deliverVerdict', summary: 'Record the verdict and the sentence' })
  @Post('verdict')
  deliverVerdict(@CaseTarget() target: CaseWriteTarget, @Body() body: DeliverVerdictDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'DeliverVerdict',
        outcome: body.outcome,
        ...(body.sentence ? { sentence: fields(body.sentence, 'kind', 'months') } : {}),
      }),
    });
  }
}
