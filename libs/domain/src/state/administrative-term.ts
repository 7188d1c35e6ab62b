import type { Instant } from '../events/case-events';
import type { OccurredAtPrecision } from '../values/vocabularies';
import { DAY_MS, toMillis } from '../values/time';
import type { AdministrativeSanction, CaseState, HeldAs } from './case-state';

/** How a person is held while an administrative arrest keeps them, or after it ran out unnoticed. */
const HELD_ON_THE_ARREST: ReadonlySet<HeldAs> = new Set<HeldAs>(['administrative_arrest', 'in_police_custody']);

export interface AdministrativeTerm {
  /** Start + days of the latest arrest of a known length; null without one. */
  readonly expectedReleaseAt: Instant | null;
  /** The arrest's precision: the end is known no better than the start (`unknown`: no later than). */
  readonly expectedReleasePrecision: OccurredAtPrecision | null;
  /**
   * Whether the person is still recorded as held on that arrest: no release, house arrest, court measure, sentence
   * or death recorded since. Once `expectedReleaseAt` passes with this still true, the term ended without a recorded
   * release: the readers flag it (the clock decides when, so the read models compare with now). Nothing is invented.
   */
  readonly awaitingRelease: boolean;
}

export function administrativeTerm(state: CaseState): AdministrativeTerm {
  const arrest = latestArrest(state.administrativeSanctions);
  if (arrest === null || arrest.days === undefined) {
    return { expectedReleaseAt: null, expectedReleasePrecision: null, awaitingRelease: false };
  }
  const expectedReleaseAt = new Date(toMillis(arrest.occurredAt) + arrest.days * DAY_MS).toISOString();
  const released = state.releasedAt !== null && toMillis(state.releasedAt) >= toMillis(arrest.occurredAt);
  const held = state.heldAs !== null && HELD_ON_THE_ARREST.has(state.heldAs);
  return {
    expectedReleaseAt,
    expectedReleasePrecision: arrest.occurredAtPrecision,
    awaitingRelease: held && !released && state.death === null,
  };
}

function latestArrest(sanctions: readonly AdministrativeSanction[]): AdministrativeSanction | null {
  let latest: AdministrativeSanction | null = null;
  for (const sanction of sanctions) {
    if (sanction.kind !== 'arrest') continue;
    if (latest === null || toMillis(sanction.occurredAt) >= toMillis(latest.occurredAt)) latest = sanction;
  }
  return latest;
}
