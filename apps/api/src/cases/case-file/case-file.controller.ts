import { Body, Controller, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { GetCaseQuery } from '@casetrack/read-model';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { addNoteCommand } from './case-file.commands';
import { AddNoteDto, LinkCaseDto, RetractFactDto } from './case-file.dto';

/**
 * The case file itself: free notes, links to related cases, and retractions of facts recorded in error (they stay in
 * the timeline; retracting a link removes it).
 */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class CaseFileController {
  constructor(
    private readonly writer: CaseWriter,
    private readonly queries: QueryBus,
  ) {}

  @CaseWriteRoute({ operationId: 'addNote', summary: 'Add a note to the case file' })
  @Post('notes')
  addNote(@CaseTarget() target: CaseWriteTarget, @Body() body: AddNoteDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => addNoteCommand(body) });
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

  @CaseWriteRoute({
    operationId: 'linkCase',
    summary: 'Link the case to a related one (a relative, a co-detainee...): both cases list the link',
  })
  @Post('links')
  link(@CaseTarget() target: CaseWriteTarget, @Body() body: LinkCaseDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: async () => {
        const { id, role } = target.request.actor;
        // The read model is the case access policy's answer; a case it does not show yet cannot be linked yet.
        const other = await this.queries.execute(new GetCaseQuery({ id, role }, body.caseId));
        return {
          type: 'LinkCase',
          ...fields(body, 'caseId', 'relation', 'note'),
          ownCaseId: target.caseId,
          linkedCaseVisible: other !== null,
        };
      },
    });
  }
}
