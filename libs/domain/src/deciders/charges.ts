import type { ChargeCommand, DecisionContext } from '../commands/case-commands';
import { assertNever, type Instant } from '../events/case-events';
import { isAtOrBefore } from '../values/time';
import { domainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export function decideCharges(command: ChargeCommand, state: CaseState, ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'BringCharge':
      if (state.charges[command.chargeId]) {
        return domainError('CHARGE_ALREADY_EXISTS', `Charge ${command.chargeId} already exists`);
      }
      return emit('ChargeBrought', fieldsOf(command));
    case 'RequalifyCharge':
      return activeCharge(state, command.chargeId, ctx.occurredAt) ?? emit('ChargeRequalified', fieldsOf(command));
    case 'DropCharge':
      return activeCharge(state, command.chargeId, ctx.occurredAt) ?? emit('ChargeDropped', fieldsOf(command));
    case 'ImposeAdministrativeSanction':
      return emit('AdministrativeSanctionImposed', fieldsOf(command));
    case 'DeliverVerdict':
      // An appeal's result is a new fact about the same verdict: record it as a note, or retract and deliver anew.
      if (state.verdict) {
        return domainError('VERDICT_ALREADY_DELIVERED', `A verdict was delivered at ${state.verdict.occurredAt}`);
      }
      return emit('VerdictDelivered', fieldsOf(command));
    default:
      return assertNever(command);
  }
}

/** A charge dropped later than `at` was still active then: a requalification learnt late is not refused. */
function activeCharge(state: CaseState, chargeId: string, at: Instant): DomainError | null {
  const charge = state.charges[chargeId];
  if (!charge) return domainError('CHARGE_NOT_FOUND', `Charge ${chargeId} is not in this case`);
  if (charge.status !== 'active' && (charge.droppedAt === undefined || isAtOrBefore(charge.droppedAt, at))) {
    return domainError('CHARGE_NOT_ACTIVE', `Charge ${chargeId} was dropped`);
  }
  return null;
}
