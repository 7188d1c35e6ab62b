import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriter } from '../write/case-writer';
import { CaseWriteController } from '../shared/case-write-controller';
import { OpenCaseRoute } from '../shared/case-write-route';
import { CaseOpenedAnswerSchema } from '../shared/write-answers';
import { type WriteRequestContext, WriteRequest } from '../shared/write-request';
import type { WriteOutcome } from '../write/write-outcome';
import { openCaseCommand } from './intake.commands';
import { OpenCaseDto } from './intake.dto';
import { PossibleDuplicates } from './possible-duplicates';

/** Intake: a case opened for a detainee, how the news came, and the cases that may be the same person. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases')
export class IntakeController {
  constructor(
    private readonly writer: CaseWriter,
    private readonly duplicates: PossibleDuplicates,
  ) {}

  @OpenCaseRoute({
    operationId: 'openCase',
    summary: 'Open a case for a detainee; the answer lists the cases that may be about the same person',
    description: 'A lawyer who opens a case becomes its lead lawyer.',
    answer: CaseOpenedAnswerSchema,
  })
  @Post()
  open(@WriteRequest() request: WriteRequestContext, @Body() body: OpenCaseDto): Promise<WriteOutcome> {
    return this.writer.write({
      request,
      caseId: null,
      body,
      command: () => openCaseCommand(body),
      // Inside the answer, so that an idempotent repeat replays the list the first request saw.
      answer: async (command, caseId) => ({
        possibleDuplicates: await this.duplicates.of(request.actor, caseId, command),
      }),
    });
  }
}
