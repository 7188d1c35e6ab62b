import type { AddNameVariants, CorrectIdentity, DecisionContext, IntakeCommand } from '../commands/case-commands';
import { domainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

/**
 * Who the person is: the case opened for them (the gate in decide.ts has already refused a case that exists), then
 * corrections and more spellings of their name as the news grows.
 */
export function decideIntake(command: IntakeCommand, _state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'OpenCase':
      return emit('CaseOpened', {
        detainee: {
          ...command.detainee,
          nameVariants: command.detainee.nameVariants ?? [],
          vulnerabilities: command.detainee.vulnerabilities ?? [],
        },
        source: command.source,
      });
    case 'CorrectIdentity':
      return correctIdentity(command);
    case 'AddNameVariants':
      return addNameVariants(command);
  }
}

/** The values given replace those known before; lists are replaced whole, so a vulnerability can be taken back. */
function correctIdentity(command: CorrectIdentity): Decision {
  const fields = fieldsOf(command);
  if (Object.values(fields).every((value) => value === undefined)) {
    return domainError('IDENTITY_EMPTY', 'An identity correction needs at least one field');
  }
  const { publicRoles, vulnerabilities } = fields;
  return emit('IdentityCorrected', {
    ...fields,
    ...(publicRoles ? { publicRoles: [...new Set(publicRoles)] } : {}),
    ...(vulnerabilities ? { vulnerabilities: [...new Set(vulnerabilities)] } : {}),
  });
}

/** A spelling already known is harmless to hear again: the fold keeps each spelling once. */
function addNameVariants(command: AddNameVariants): Decision {
  if (command.variants.length === 0) return domainError('IDENTITY_EMPTY', 'No name variant was given');
  return emit('NameVariantsAdded', { variants: [...new Set(command.variants)] });
}
