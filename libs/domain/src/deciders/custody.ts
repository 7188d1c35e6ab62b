import type { CustodyCommand, DecisionContext, Release, ReleaseToHouseArrest } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import { isInCustody, type CaseState } from '../state/case-state';
import { stateAsOf } from '../state/evolve';
import { isAtOrBefore } from '../values/time';
import { deceasedBy, emit, fieldsOf, type Decision } from './common';

export function decideCustody(command: CustodyCommand, state: CaseState, ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'RecordDetention':
      return deceasedBy(state, ctx.occurredAt) ?? emit('DetentionRecorded', fieldsOf(command));
    case 'ReportWhereaboutsUnknown':
      return emit('WhereaboutsUnknownReported', fieldsOf(command));
    case 'TransferDetainee':
      return deceasedBy(state, ctx.occurredAt) ?? emit('DetaineeTransferred', fieldsOf(command));
    case 'ReleaseToHouseArrest':
      return releaseToHouseArrest(command, state, ctx);
    case 'Release':
      return release(command, state, ctx);
    case 'RecordMedicalFact':
      return emit('MedicalFactRecorded', fieldsOf(command));
    case 'RecordDeath':
      if (state.death)
        return domainError('ALREADY_DECEASED', `A death is already recorded (${state.death.occurredAt})`);
      return emit('DeathRecorded', fieldsOf(command));
    case 'RecordAccessDenial':
      return emit('AccessDenied', fieldsOf(command));
    default:
      return assertNever(command);
  }
}

/*
 * Custody is judged as it stood when the release happened, not as it stands now: news arrives
 * late, and a release that occurred before a later detention is still a release from custody.
 * A person held and then lost track of (missing) can be released: that is often how they reappear.
 */
function custodyAt(state: CaseState, ctx: DecisionContext): CaseState {
  return stateAsOf(state, ctx.occurredAt, 'occurred');
}

function isHeld(state: CaseState): boolean {
  return isInCustody(state.status) || (state.status === 'missing' && state.heldAs !== null);
}

function release(command: Release, state: CaseState, ctx: DecisionContext): Decision {
  const deceased = deceasedBy(state, ctx.occurredAt);
  if (deceased) return deceased;
  const then = custodyAt(state, ctx);
  if (then.status === 'released') return domainError('ALREADY_RELEASED', 'The detainee is already released');
  if (!isHeld(then)) return notInCustody(then);
  return emit('Released', fieldsOf(command));
}

function releaseToHouseArrest(command: ReleaseToHouseArrest, state: CaseState, ctx: DecisionContext): Decision {
  const deceased = deceasedBy(state, ctx.occurredAt);
  if (deceased) return deceased;
  const then = custodyAt(state, ctx);
  if (!isHeld(then) || then.status === 'house_arrest') return notInCustody(then);
  if (command.until !== undefined && isAtOrBefore(command.until, ctx.occurredAt)) {
    return domainError('MEASURE_END_BEFORE_START', 'House arrest must end after it starts');
  }
  return emit('ReleasedToHouseArrest', fieldsOf(command));
}

function notInCustody(state: CaseState): DomainError {
  return domainError('NOT_IN_CUSTODY', `The detainee is not in custody (status: ${state.status})`);
}
