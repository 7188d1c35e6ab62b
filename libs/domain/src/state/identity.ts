import type { IdentityFields } from '../events/case-events';
import type { CaseDraft } from './case-draft';
import type { KnownDetainee } from './case-state';

/*
 * Who the person is grows after intake. A correction replaces the values it gives, in stream order (it is what we
 * learnt, not something that happened at a time); the earlier values stay in the stream and in the history.
 */

export function withIdentityCorrected(draft: CaseDraft, fields: IdentityFields): void {
  const current = draft.state.detainee;
  if (!current) return;
  const detainee: KnownDetainee = { ...current, ...fields };
  // The former spelling stays a way to find the person: search and duplicate detection still know it.
  const former = current.fullName;
  if (fields.fullName !== undefined && fields.fullName !== former) {
    detainee.nameVariants = withSpellings(current.nameVariants, [former], fields.fullName);
  }
  draft.set({ detainee, vulnerabilities: detainee.vulnerabilities });
}

export function withNameVariants(draft: CaseDraft, variants: readonly string[]): void {
  const current = draft.state.detainee;
  if (!current) return;
  const nameVariants = withSpellings(current.nameVariants, variants, current.fullName);
  draft.set({ detainee: { ...current, nameVariants } });
}

/** Each spelling once, never the full name itself. */
function withSpellings(known: readonly string[], added: readonly string[], fullName: string): string[] {
  return [...new Set([...known, ...added])].filter((spelling) => spelling !== fullName);
}
