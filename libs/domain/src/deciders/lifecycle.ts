import type { AbsorbDuplicate, DecisionContext, LifecycleCommand, MergeCase } from '../commands/case-commands';
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
    case 'MergeCase':
      return decideMerge(command);
    case 'AbsorbDuplicate':
      return decideAbsorb(command, state);
    default:
      return assertNever(command);
  }
}

/** A case already merged never gets here (the gate answers CASE_MERGED). */
function decideMerge(command: MergeCase): Decision {
  const { ownCaseId, intoCaseVisible, intoCaseMerged, ...data } = command;
  if (data.intoCaseId === ownCaseId) return domainError('MERGE_INTO_ITSELF', 'A case cannot be merged into itself');
  // Missing and hidden alike: telling them apart would tell the actor the case exists.
  if (!intoCaseVisible) return domainError('MERGE_TARGET_NOT_FOUND', `Case ${data.intoCaseId} was not found`);
  if (intoCaseMerged) {
    return domainError('MERGE_TARGET_MERGED', `Case ${data.intoCaseId} is itself merged into another case`);
  }
  return emit('MergeRequested', fieldsOf(data));
}

/** Completing a merge twice appends nothing: the recovery takes this refusal as "already done". */
function decideAbsorb(command: AbsorbDuplicate, state: CaseState): Decision {
  if (state.mergedDuplicates.includes(command.duplicateCaseId)) {
    return domainError('DUPLICATE_ALREADY_MERGED', `Case ${command.duplicateCaseId} is already merged into this one`);
  }
  return emit('DuplicateMerged', fieldsOf(command));
}
