import type { CaseFileCommand, DecisionContext, LinkCase } from '../commands/case-commands';
import { assertNever, type CaseEventType } from '../events/case-events';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

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

export function decideCaseFile(command: CaseFileCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'AddNote':
      return emit('NoteAdded', fieldsOf(command));
    case 'RetractFact': {
      const known = state.factIds.get(command.eventId);
      if (!known) return domainError('EVENT_NOT_IN_CASE', `Event ${command.eventId} is not in this case`);
      if (known.retracted)
        return domainError('EVENT_ALREADY_RETRACTED', `Event ${command.eventId} is already retracted`);
      if (NOT_RETRACTABLE.includes(known.type)) {
        return domainError('EVENT_NOT_RETRACTABLE', `A ${known.type} fact cannot be retracted`);
      }
      return emit('FactRetracted', fieldsOf(command));
    }
    case 'LinkCase':
      return decideLink(command, state);
    default:
      return assertNever(command);
  }
}

/** One link per other case and relation; the same two people can be both relatives and co-detainees. */
function decideLink(command: LinkCase, state: CaseState): Decision {
  const { linkedCaseVisible: _visible, ownCaseId: _own, ...data } = command;
  if (command.caseId === command.ownCaseId) return domainError('LINK_TO_ITSELF', 'A case cannot be linked to itself');
  // Distinct from CASE_NOT_FOUND (this case, 404): the other case is missing, or hidden from the actor alike.
  if (!command.linkedCaseVisible) {
    return domainError('LINKED_CASE_NOT_FOUND', `Case ${command.caseId} was not found`);
  }
  if (state.links.some((l) => l.caseId === command.caseId && l.relation === command.relation)) {
    return domainError(
      'LINK_ALREADY_EXISTS',
      `This case is already linked to ${command.caseId} as ${command.relation}`,
    );
  }
  return emit('CaseLinked', fieldsOf(data));
}
