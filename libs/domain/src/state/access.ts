import { toMillis } from '../values/time';
import type { CaseDraft } from './case-draft';
import type { AccessDenial, AccessGrant } from './case-state';

/*
 * A grant ends the denials to the same people that began at or before it and were still open then. News comes in
 * any order, so the end of a denial is the first grant at or after it, whichever of the two was recorded first. The
 * end keeps the grant's precision: a grant known to the month does not end a denial at an invented hour.
 */

export function withAccessDenied(draft: CaseDraft, denial: AccessDenial): void {
  draft.append('accessDenials', endedBy(denial, firstGrantFrom(draft.state.accessGrants, denial)));
}

/**
 * Each denial's end is already the first of the earlier grants at or after it, so the new grant changes only the
 * denials it comes before the end of (ties go to the grant recorded first): no need to search every grant again.
 */
export function withAccessGranted(draft: CaseDraft, grant: AccessGrant): void {
  draft.append('accessGrants', grant);
  const at = toMillis(grant.occurredAt);
  draft.state.accessDenials.forEach((denial, index) => {
    if (denial.who !== grant.who || at < toMillis(denial.occurredAt)) return;
    if (denial.until !== undefined && at >= toMillis(denial.until)) return;
    draft.replaceAt('accessDenials', index, endedBy(denial, grant));
  });
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
