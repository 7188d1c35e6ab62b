import type { DecisionContext, LawyerCommand } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export function decideLawyers(command: LawyerCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'AssignLawyer': {
      const { lawyerId, role } = command;
      if (!command.assigneeIsLawyer) return domainError('NOT_A_LAWYER', `User ${lawyerId} is not an active lawyer`);
      // Assigning again with another role is how a support lawyer becomes lead.
      if (state.lawyers[lawyerId] === role) {
        return domainError('LAWYER_ALREADY_ASSIGNED', `Lawyer ${lawyerId} is already assigned as ${role}`);
      }
      return emit('LawyerAssigned', { lawyerId, role });
    }
    case 'UnassignLawyer':
      if (state.lawyers[command.lawyerId] === undefined) {
        return domainError('LAWYER_NOT_ASSIGNED', `Lawyer ${command.lawyerId} is not assigned to this case`);
      }
      return emit('LawyerUnassigned', fieldsOf(command));
    default:
      return assertNever(command);
  }
}
