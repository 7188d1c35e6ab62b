import type {
  DecisionContext,
  AddNote,
  CloseCase,
  EraseCase,
  OpenCase,
  ReopenCase,
  RetractFact,
} from '../commands/case-commands';
import { assertNever, type CaseEventType } from '../events/case-events';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export type CaseLifecycleCommand = OpenCase | CloseCase | ReopenCase | EraseCase | AddNote | RetractFact;

/**
 * Facts that are not retracted but superseded: opening defines the stream, lifecycle facts have
 * their own inverse (reopen, unassign), and a retraction of a retraction would make the history
 * ambiguous; a wrong retraction is answered by recording the fact again.
 */
const NOT_RETRACTABLE: readonly CaseEventType[] = [
  'CaseOpened',
  'FactRetracted',
  'CaseClosed',
  'CaseReopened',
  'CaseErased',
  'LawyerAssigned',
  'LawyerUnassigned',
];

export function decideCaseLifecycle(command: CaseLifecycleCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'OpenCase': {
      const { detainee, source } = command;
      return emit('CaseOpened', {
        detainee: {
          ...detainee,
          nameVariants: detainee.nameVariants ?? [],
          vulnerabilities: detainee.vulnerabilities ?? [],
        },
        source,
      });
    }
    case 'CloseCase':
      // The gate in decide.ts already refuses anything but ReopenCase on a closed case.
      return emit('CaseClosed', fieldsOf(command));
    case 'ReopenCase':
      if (!state.closed) return domainError('CASE_NOT_CLOSED', 'The case is not closed');
      return emit('CaseReopened', fieldsOf(command));
    case 'EraseCase':
      if (state.erased) return domainError('CASE_ALREADY_ERASED', 'The case is already erased');
      return emit('CaseErased', fieldsOf(command));
    case 'AddNote':
      return emit('NoteAdded', fieldsOf(command));
    case 'RetractFact': {
      const known = state.factIds[command.eventId];
      if (!known) return domainError('EVENT_NOT_IN_CASE', `Event ${command.eventId} is not in this case`);
      if (known.retracted)
        return domainError('EVENT_ALREADY_RETRACTED', `Event ${command.eventId} is already retracted`);
      if (NOT_RETRACTABLE.includes(known.type)) {
        return domainError('EVENT_NOT_RETRACTABLE', `A ${known.type} fact cannot be retracted`);
      }
      return emit('FactRetracted', fieldsOf(command));
    }
    default:
      return assertNever(command);
  }
}
