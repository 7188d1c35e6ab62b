import type { DecisionContext, IntakeCommand } from '../commands/case-commands';
import type { CaseState } from '../state/case-state';
import { emit, type Decision } from './common';

/** Opening a case for a detainee; the gate in decide.ts has already refused a case that exists. */
export function decideIntake(command: IntakeCommand, _state: CaseState, _ctx: DecisionContext): Decision {
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
