import { toMillis } from '../values/time';
import type { AccessDenial, AccessGrant, CaseState } from './case-state';

/*
 * A grant ends the denials to the same people that began at or before it and were still open then. News comes in
 * any order, so the end of a denial is the first grant at or after it, whichever of the two was recorded first. The
 * end keeps the grant's precision: a grant known to the month does not end a denial at an invented hour.
 */

export function withAccessDenied(state: CaseState, denial: AccessDenial): CaseState {
  const recorded = endedBy(denial, firstGrantFrom(state.accessGrants, denial));
  return { ...state, accessDenials: [...state.accessDenials, recorded] };
}

export function withAccessGranted(state: CaseState, grant: AccessGrant): CaseState {
  const accessGrants = [...state.accessGrants, grant];
  const accessDenials = state.accessDenials.map((denial) => {
    if (denial.who !== grant.who) return denial;
    const first = firstGrantFrom(accessGrants, denial);
    return first?.occurredAt === denial.until ? denial : endedBy(denial, first);
  });
  return { ...state, accessGrants, accessDenials };
}

function endedBy(denial: AccessDenial, grant: AccessGrant | undefined): AccessDenial {
  if (grant === undefined) return denial;
  const ended = { ...denial, until: grant.occurredAt, untilPrecision: grant.occurredAtPrecision };
  return grant.occurredOn === undefined ? ended : { ...ended, untilOn: grant.occurredOn };
}

function firstGrantFrom(grants: readonly AccessGrant[], denial: AccessDenial): AccessGrant | undefined {
  const from = toMillis(denial.occurredAt);
  let first: AccessGrant | undefined;
  for (const grant of grants) {
    const at = toMillis(grant.occurredAt);
    if (grant.who !== denial.who || at < from) continue;
    if (first === undefined || at < toMillis(first.occurredAt)) first = grant;
  }
  return first;
}
