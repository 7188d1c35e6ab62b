import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { AddNoteDto, RetractFactDto } from './case-file.dto';

/** The case file itself: free notes, and retractions of facts recorded in error (they stay in the timeline). */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CaseFileController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({ operationId: 'addNote', summary: 'Add a note to the case file' })
  @Post('notes')
  addNote(@CaseTarget() target: CaseWriteTarget, @Body() body: AddNoteDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => ({ type: 'AddNote', text: body.text }) });
  }

  @CaseWriteRoute({
    operationId: 'retractFact',
    summary: 'Retract a fact recorded in error: it stops counting and stays in the timeline',
  })
  @Post('retractions')
  retract(@CaseTarget() target: CaseWriteTarget, @Body() body: RetractFactDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'RetractFact', ...fields(body, 'eventId', 'reason') }),
    });
  }
}
