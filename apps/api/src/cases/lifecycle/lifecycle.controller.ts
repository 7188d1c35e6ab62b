import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@casetrack/auth';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { ReasonDto } from '../shared/reason.dto';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { MergeCaseDto } from './merge-case.dto';
import { Merges } from './merges';

/** Closing a case (work on it has ended), reopening it, merging a duplicate, and erasing its sensitive data. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class LifecycleController {
  constructor(
    private readonly writer: CaseWriter,
    private readonly merges: Merges,
  ) {}

  @CaseWriteRoute({ operationId: 'closeCase', summary: 'Close the case: work on it has ended' })
  @Post('close')
  close(@CaseTarget() target: CaseWriteTarget, @Body() body: ReasonDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => ({ type: 'CloseCase', reason: body.reason }) });
  }

  /**
   * Destroys the case's key (coordinators only): identity, testimony and every other sensitive field read as
   * erased from then on, everywhere; the stream's structure, the statistics and the hash chain stay.
   */
  @CaseWriteRoute({
    operationId: 'eraseCase',
    summary: 'Erase the case’s sensitive data by destroying its key (coordinators only)',
  })
  @Roles('coordinator')
  @Post('erase')
  erase(@CaseTarget() target: CaseWriteTarget, @Body() body: ReasonDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => ({ type: 'EraseCase', reason: body.reason }) });
  }

  @CaseWriteRoute({ operationId: 'reopenCase', summary: 'Reopen a closed case' })
  @Post('reopen')
  reopen(@CaseTarget() target: CaseWriteTarget, @Body() body: ReasonDto): Promise<WriteOutcome> {
    return this.writer.write({ ...target, body, command: () => ({ type: 'ReopenCase', reason: body.reason }) });
  }

  /**
   * This case is a duplicate of `intoCaseId` (coordinators only): it is closed with `mergedInto`, its spellings join
   * the survivor's, its facts stay in its own stream. The intent is recorded here and completed on the survivor before
   * the answer; should that fail, MergeRecovery completes it.
   */
  @CaseWriteRoute({
    operationId: 'mergeCase',
    summary: 'Merge this case, a duplicate, into another (coordinators only): it closes with mergedInto',
  })
  @Roles('coordinator')
  @Post('merge')
  merge(@CaseTarget() target: CaseWriteTarget, @Body() body: MergeCaseDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: async () => {
        const into = await this.merges.target(target.request.actor, body.intoCaseId);
        return {
          type: 'MergeCase',
          intoCaseId: body.intoCaseId,
          reason: body.reason,
          ownCaseId: target.caseId,
          intoCaseVisible: into.visible,
          intoCaseMerged: into.merged,
        };
      },
      // The answer's position is the survivor's absorption when there is one: a read from it sees both sides merged.
      answer: async (_command, caseId) => {
        const { position } = await this.merges.complete(caseId);
        return position === null ? {} : { position };
      },
    });
  }
}
