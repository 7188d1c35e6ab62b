import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { HearingScheduledAnswerSchema } from '../shared/write-answers';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { hearingDecisionOf, RecordHearingDecisionDto } from './hearing-decision.dto';
import { scheduleHearingCommand } from './hearings.commands';
import { CancelHearingDto, RecordHearingOutcomeDto, RescheduleHearingDto, ScheduleHearingDto } from './hearings.dto';

@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId/hearings')
export class HearingsController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'scheduleHearing',
    summary: 'Schedule a hearing',
    answer: HearingScheduledAnswerSchema,
  })
  @Post()
  schedule(@CaseTarget() target: CaseWriteTarget, @Body() body: ScheduleHearingDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: (ids) => scheduleHearingCommand(body, ids),
      answer: (command) => ({ hearingId: command.hearingId }),
    });
  }

  @CaseWriteRoute({
    operationId: 'rescheduleHearing',
    summary: 'Move a scheduled hearing to another time',
    itemIds: ['hearingId'],
  })
  @Post(':hearingId/reschedule')
  reschedule(
    @CaseTarget() target: CaseWriteTarget,
    @Param('hearingId', ParseIdPipe) hearingId: string,
    @Body() body: RescheduleHearingDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RescheduleHearing',
        hearingId,
        ...fields({ ...body, scheduledAt: utc(body.scheduledAt) }, 'scheduledAt', 'scheduledAtPrecision', 'reason'),
      }),
    });
  }

  @CaseWriteRoute({ operationId: 'cancelHearing', summary: 'Record a hearing cancelled', itemIds: ['hearingId'] })
  @Post(':hearingId/cancel')
  cancel(
    @CaseTarget() target: CaseWriteTarget,
    @Param('hearingId', ParseIdPipe) hearingId: string,
    @Body() body: CancelHearingDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'CancelHearing', hearingId, ...fields(body, 'reason') }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordHearingOutcome',
    summary: 'Record what came of a hearing',
    itemIds: ['hearingId'],
  })
  @Post(':hearingId/outcome')
  recordOutcome(
    @CaseTarget() target: CaseWriteTarget,
    @Param('hearingId', ParseIdPipe) hearingId: string,
    @Body() body: RecordHearingOutcomeDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RecordHearingOutcome',
        hearingId,
        ...fields(body, 'outcome', 'durationMinutes', 'defendantHeard', 'lawyerPresent', 'notes'),
      }),
    });
  }

  @CaseWriteRoute({
    operationId: 'recordHearingDecision',
    summary: 'Record what a court decided at a hearing, in one write',
    description:
      'The hearing held (its outcome named by the decision) and what it ordered (a preventive measure decided at ' +
      'it, a release, an administrative arrest or fine) are appended together or not at all. `postponed` moves the ' +
      'hearing to its new time and records it as not held.',
    itemIds: ['hearingId'],
  })
  @Post(':hearingId/decision')
  recordDecision(
    @CaseTarget() target: CaseWriteTarget,
    @Param('hearingId', ParseIdPipe) hearingId: string,
    @Body() body: RecordHearingDecisionDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'RecordHearingDecision',
        hearingId,
        decision: hearingDecisionOf(body.decision),
        details: fields(body, 'durationMinutes', 'defendantHeard', 'lawyerPresent', 'notes'),
      }),
    });
  }
}
