import type { DecisionContext, PreventiveMeasureCommand } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { stateAsOf } from '../state/evolve';
import { isAtOrBefore } from '../values/time';
import { deceasedBy, emit, fieldsOf, type Decision } from './common';

export function decidePreventiveMeasures(
  command: PreventiveMeasureCommand,
  state: CaseState,
  ctx: DecisionContext,
): Decision {
  switch (command.type) {
    case 'ImposePreventiveMeasure': {
      const refused = deceasedBy(state, ctx.occurredAt) ?? measureHearing(state, command.hearingId);
      if (refused) return refused;
      if (command.until !== undefined && isAtOrBefore(command.until, ctx.occurredAt)) {
        return domainError('MEASURE_END_BEFORE_START', `The measure must end after ${ctx.occurredAt}`);
      }
      return emit('PreventiveMeasureImposed', fieldsOf(command));
    }
    case 'ExtendPreventiveMeasure': {
      const refused = deceasedBy(state, ctx.occurredAt) ?? measureHearing(state, command.hearingId);
      if (refused) return refused;
      // The measure in force when the extension was decided, which late news may have changed since.
      const then = stateAsOf(state, ctx.occurredAt, 'occurred');
      const current = then.measure;
      // An extension may be the first news of a measure when it says which; one that ended before cannot be extended.
      if (!current && (command.measure === undefined || then.measureHistory.length > 0)) {
        return domainError('NO_ACTIVE_MEASURE', 'No preventive measure is in force');
      }
      if (isAtOrBefore(command.until, ctx.occurredAt)) {
        return domainError('MEASURE_END_BEFORE_START', `The measure must end after ${ctx.occurredAt}`);
      }
      if (current?.until != null && isAtOrBefore(command.until, current.until)) {
        return domainError('EXTENSION_NOT_LATER', `The measure already runs until ${current.until}`);
      }
      return emit('PreventiveMeasureExtended', fieldsOf(command));
    }
    default:
      return assertNever(command);
  }
}

/** A measure decided at a hearing must name a hearing of this case that was not cancelled. */
function measureHearing(state: CaseState, hearingId: string | undefined): DomainError | null {
  if (hearingId === undefined) return null;
  const hearing = state.hearings[hearingId];
  if (!hearing) return domainError('HEARING_NOT_FOUND', `Hearing ${hearingId} is not in this case`);
  if (hearing.status === 'cancelled') return domainError('HEARING_NOT_SCHEDULED', `Hearing ${hearingId} was cancelled`);
  return null;
}
