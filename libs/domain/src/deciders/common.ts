import type { CaseEvent, CaseEventOf, CaseEventType, Instant } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { withoutUndefined } from '../values/json';
import { isAtOrBefore } from '../values/time';

/** What each area decider returns: one event, or the rule it broke. */
export type Decision = CaseEvent | DomainError;

export function emit<T extends CaseEventType>(type: T, data: CaseEventOf<T>['data']): CaseEventOf<T> {
  // TypeScript cannot tie a generic `type` to its member of the union; the signature does.
  return { type, data: withoutUndefined(data) } as unknown as CaseEventOf<T>;
}

/** The command's fields without its `type`: the data of the event it yields. */
export function fieldsOf<C extends { readonly type: string }>(command: C): Omit<C, 'type'> {
  const { type: _type, ...fields } = command;
  return fields;
}

/** A person who died at or before `at` cannot be detained, moved, tried or released afterwards. */
export function deceasedBy(state: CaseState, at: Instant): DomainError | null {
  if (state.death && isAtOrBefore(state.death.occurredAt, at)) {
    return domainError('DETAINEE_DECEASED', `The detainee died at ${state.death.occurredAt}`);
  }
  return null;
}
