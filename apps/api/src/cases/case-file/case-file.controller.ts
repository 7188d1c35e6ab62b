import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import {
  AddNoteDto,
  DeliverVerdictDto,
  RecordAccessDenialDto,
  RecordDeathDto,
  RecordMedicalFactDto,
  RetractFactDto,
} from './case-file.dto';

/** Facts that stand on their own: access denied, medical, verdict, death, notes, and retractions of earlier facts. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CaseFileController {
  constructor(private readonly writer: CaseWriter) {}

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

  @Post('death')
  recordDeath(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordDeathDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RecordDeath', ...fields(body, 'circumstances', 'bodyReleased', 'details') }),
    });
  }

  @Post('notes')
  addNote(@CaseTarget() target: CaseWriteTarget, @Body() body: AddNoteDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => ({ type: 'AddNote', text: body.text }) });
  }

  @Post('retractions')
  retract(@CaseTarget() target: CaseWriteTarget, @Body() body: RetractFactDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RetractFact', ...fields(body, 'eventId', 'reason') }),
    });
  }
}
