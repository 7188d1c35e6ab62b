import type { DecisionContext, TortureAllegationCommand } from '../commands/case-commands';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { isBefore } from '../values/time';
import { emit, fieldsOf, type Decision } from './common';

export function decideTortureAllegations(
  command: TortureAllegationCommand,
  state: CaseState,
  _ctx: DecisionContext,
): Decision {
  if (state.allegations[command.allegationId]) {
    return domainError('ALLEGATION_ALREADY_EXISTS', `Allegation ${command.allegationId} already exists`);
  }
  if (command.periodTo !== undefined && isBefore(command.periodTo, command.periodFrom)) {
    return domainError('INVALID_PERIOD', 'The period ends before it starts');
  }
  if (command.methods.length === 0) return domainError('METHODS_REQUIRED', 'Name at least one method');
  return emit('TortureAllegationRecorded', fieldsOf(command));
}
