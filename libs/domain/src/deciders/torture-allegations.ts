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
  // No methods: the victim has not described them (yet), which is not an allegation of nothing (issue 12).
  return emit('TortureAllegationRecorded', fieldsOf(command));
}
