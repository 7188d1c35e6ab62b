import type { IdentityFields } from '../events/case-events';
import type { CaseState, KnownDetainee } from './case-state';

/*
 * Who the person is grows after intake. A correction replaces the values it gives, in stream order (it is what we
 * learnt, not something that happened at a time); the earlier values stay in the stream and in the history.
 */

export function withIdentityCorrected(state: CaseState, fields: IdentityFields): CaseState {
  if (!state.detainee) return state;
  const detainee: KnownDetainee = { ...state.detainee, ...fields };
  // The former spelling stays a way to find the person: search and duplicate detection still know it.
  const former = state.detainee.fullName;
  if (fields.fullName !== undefined && fields.fullName !== former) {
    detainee.nameVariants = withSpellings(state.detainee.nameVariants, [former], fields.fullName);
  }
  return { ...state, detainee, vulnerabilities: detainee.vulnerabilities };
}

export function withNameVariants(state: CaseState, variants: readonly string[]): CaseState {
  if (!state.detainee) return state;
  const nameVariants = withSpellings(state.detainee.nameVariants, variants, state.detainee.fullName);
  return { ...state, detainee: { ...state.detainee, nameVariants } };
}

/** Each spelling once, never the full name itself. */
function withSpellings(known: readonly string[], added: readonly string[], fullName: string): string[] {
  return [...new Set([...known, ...added])].filter((spelling) => spelling !== fullName);
}
