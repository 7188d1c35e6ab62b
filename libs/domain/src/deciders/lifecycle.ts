import type { DecisionContext, LifecycleCommand } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export function decideLifecycle(command: LifecycleCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'CloseCase':
      // The gate in decide.ts already refuses anything but ReopenCase on a closed case.
      return emit('CaseClosed', fieldsOf(command));
    case 'ReopenCase':
      if (!state.closed) return domainError('CASE_NOT_CLOSED', 'The case is not closed');
      return emit('CaseReopened', fieldsOf(command));
    case 'EraseCase':
      if (state.erased) return domainError('CASE_ALREADY_ERASED', 'The case is already erased');
      return emit('CaseErased', fieldsOf(command));
    default:
      return assertNever(command);
  }
}
