import type { ChargeCommand, DecisionContext } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export function decideCharges(command: ChargeCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'BringCharge':
      if (state.charges[command.chargeId]) {
        return domainError('CHARGE_ALREADY_EXISTS', `Charge ${command.chargeId} already exists`);
      }
      return emit('ChargeBrought', fieldsOf(command));
    case 'RequalifyCharge':
      return activeCharge(state, command.chargeId) ?? emit('ChargeRequalified', fieldsOf(command));
    case 'DropCharge':
      return activeCharge(state, command.chargeId) ?? emit('ChargeDropped', fieldsOf(command));
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

function activeCharge(state: CaseState, chargeId: string): DomainError | null {
  const charge = state.charges[chargeId];
  if (!charge) return domainError('CHARGE_NOT_FOUND', `Charge ${chargeId} is not in this case`);
  if (charge.status !== 'active') return domainError('CHARGE_NOT_ACTIVE', `Charge ${chargeId} was dropped`);
  return null;
}
