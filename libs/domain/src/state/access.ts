import type { Instant } from '../events/case-events';
import { toMillis } from '../values/time';
import type { AccessDenial, AccessGrant, CaseState } from './case-state';

/*
 * A grant ends the denials to the same people that began at or before it and were still open then. News comes in
 * any order, so the end of a denial is the first grant at or after it, whichever of the two was recorded first.
 */

export function withAccessDenied(state: CaseState, denial: AccessDenial): CaseState {
  const until = firstGrantFrom(state.accessGrants, denial);
  const recorded: AccessDenial = until === undefined ? denial : { ...denial, until };
  return { ...state, accessDenials: [...state.accessDenials, recorded] };
}

export function withAccessGranted(state: CaseState, grant: AccessGrant): CaseState {
  const accessGrants = [...state.accessGrants, grant];
  const accessDenials = state.accessDenials.map((denial) => {
    if (denial.who !== grant.who) return denial;
    const until = firstGrantFrom(accessGrants, denial);
    return until === denial.until ? denial : { ...denial, until };
  });
  return { ...state, accessGrants, accessDenials };
}

function firstGrantFrom(grants: readonly AccessGrant[], denial: AccessDenial): Instant | undefined {
  const from = toMillis(denial.occurredAt);
  let first: AccessGrant | undefined;
  for (const grant of grants) {
    const at = toMillis(grant.occurredAt);
    if (grant.who !== denial.who || at < from) continue;
    if (first === undefined || at < toMillis(first.occurredAt)) first = grant;
  }
  return first?.occurredAt;
}
