import type { DecisionContext, HearingCommand } from '../commands/case-commands';
import { assertNever, type Instant } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import type { CaseState, Hearing } from '../state/case-state';
import { deceasedBy, emit, fieldsOf, type Decision } from './common';
import { isBefore } from '../values/time';

export function decideHearings(command: HearingCommand, state: CaseState, ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'ScheduleHearing': {
      // A hearing held before the death may be recorded after it: only one both decided and set after it is refused.
      const deceased = deceasedBy(state, earlier(ctx.occurredAt, command.scheduledAt));
      if (deceased) return deceased;
      if (state.hearings[command.hearingId]) {
        return domainError('HEARING_ALREADY_EXISTS', `Hearing ${command.hearingId} already exists`);
      }
      return emit('HearingScheduled', fieldsOf(command));
    }
    case 'RescheduleHearing':
      return scheduledHearing(state, command.hearingId) ?? emit('HearingRescheduled', fieldsOf(command));
    case 'CancelHearing':
      return scheduledHearing(state, command.hearingId) ?? emit('HearingCancelled', fieldsOf(command));
    case 'RecordHearingOutcome':
      // An outcome may be recorded whatever the scheduled date: courts moved hearings without notice.
      return scheduledHearing(state, command.hearingId) ?? emit('HearingHeld', fieldsOf(command));
    default:
      return assertNever(command);
  }
}

/**
 * Only a hearing still scheduled can be moved, cancelled or held. A cancelled one answers
 * HEARING_NOT_SCHEDULED (the contract's code; HEARING_CANCELLED is kept for compatibility but unused):
 * a hearing that takes place after all is scheduled anew.
 */
function scheduledHearing(state: CaseState, hearingId: string): DomainError | null {
  const hearing = state.hearings[hearingId];
  if (!hearing) return domainError('HEARING_NOT_FOUND', `Hearing ${hearingId} is not in this case`);
  return notScheduled(hearing);
}

export function notScheduled(hearing: Hearing): DomainError | null {
  if (hearing.status === 'held')
    return domainError('HEARING_ALREADY_HELD', `Hearing ${hearing.hearingId} was already held`);
  if (hearing.status === 'cancelled') {
    return domainError('HEARING_NOT_SCHEDULED', `Hearing ${hearing.hearingId} was cancelled`);
  }
  return null;
}

function earlier(a: Instant, b: Instant): Instant {
  return isBefore(b, a) ? b : a;
}
