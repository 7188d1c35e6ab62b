import type { Instant } from '../events/case-events';
import type { CaseState } from '../state/case-state';
import { stateAsOf, type TimeAxis } from '../state/evolve';

/** The case state as a reader sees it: everything but the fold's own bookkeeping (`facts`, `factIds`). */
export type CaseView = Omit<CaseState, 'facts' | 'factIds'>;

/** The answer of `GET /v1/cases/:caseId/history`. */
export interface CaseHistory extends CaseView {
  /** The instant asked for, in UTC. */
  asOf: Instant;
  axis: TimeAxis;
  /** Stream version of the last event included (0 when none is). */
  version: number;
  eventsIncluded: number;
  /** Facts included in the fold but not counting, because a retraction included in it withdrew them. */
  retractedEventIds: string[];
}

export function toCaseView(state: CaseState): CaseView {
  const { facts: _facts, factIds: _factIds, ...view } = state;
  return view;
}

/**
 * The case as it stood at `at` on either time axis, from the case folded from its whole stream: `recorded` is
 * what we knew then, `occurred` what had happened by then as we know it now (see `stateAsOf`).
 */
export function caseHistory(current: CaseState, at: Instant, axis: TimeAxis): CaseHistory {
  const then = stateAsOf(current, at, axis);
  const retractedEventIds = [...then.factIds.entries()]
    .filter(([, known]) => known.retracted)
    .sort(([, a], [, b]) => a.version - b.version)
    .map(([eventId]) => eventId);
  return {
    ...toCaseView(then),
    asOf: new Date(at).toISOString(),
    axis,
    version: then.version,
    eventsIncluded: then.facts.length,
    retractedEventIds,
  };
}
