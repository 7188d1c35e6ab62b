import type { CustodyCommand, DecisionContext, Release, ReleaseToHouseArrest } from '../commands/case-commands';
import { assertNever, type Instant } from '../events/case-events';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { stateAsOf } from '../state/evolve';
import { isAtOrBefore, toMillis } from '../values/time';
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
    case 'RecordAccessGranted':
      // Any order of news: a grant recorded before the denial it ends is kept and ends that denial once it is known.
      return emit('AccessGranted', fieldsOf(command));
    default:
      return assertNever(command);
  }
}

/*
 * Any order of news: a release or a house arrest may be the first news of a custody, which it then implies
 * (relatives often hear of the release before anyone records the arrest), and a release after a recorded release
 * implies a detention in between that nobody recorded yet. Only what contradicts the case as it stood when the
 * fact occurred is refused: the person had died by then, or the very same change is already recorded at that
 * very instant (a duplicate entry, not news).
 */
function custodyAt(state: CaseState, ctx: DecisionContext): CaseState {
  return stateAsOf(state, ctx.occurredAt, 'occurred');
}

function release(command: Release, state: CaseState, ctx: DecisionContext): Decision {
  const deceased = deceasedBy(state, ctx.occurredAt);
  if (deceased) return deceased;
  const then = custodyAt(state, ctx);
  if (then.status === 'released' && then.releasedAt !== null && sameInstant(then.releasedAt, ctx.occurredAt)) {
    return domainError('ALREADY_RELEASED', `A release at ${ctx.occurredAt} is already recorded`);
  }
  return emit('Released', fieldsOf(command));
}

function releaseToHouseArrest(command: ReleaseToHouseArrest, state: CaseState, ctx: DecisionContext): Decision {
  const deceased = deceasedBy(state, ctx.occurredAt);
  if (deceased) return deceased;
  const then = custodyAt(state, ctx);
  if (then.status === 'house_arrest' && then.measure !== null && sameInstant(then.measure.since, ctx.occurredAt)) {
    return domainError('NOT_IN_CUSTODY', `A house arrest from ${ctx.occurredAt} is already recorded`);
  }
  if (command.until !== undefined && isAtOrBefore(command.until, ctx.occurredAt)) {
    return domainError('MEASURE_END_BEFORE_START', 'House arrest must end after it starts');
  }
  return emit('ReleasedToHouseArrest', fieldsOf(command));
}

function sameInstant(a: Instant, b: Instant): boolean {
  return toMillis(a) === toMillis(b);
}
