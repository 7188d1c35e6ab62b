import type { CaseState, OccurredAtPrecision } from '@casetrack/domain';

/** The columns of `cases` that place the case's first detention in time (see migration 1764000001400). */
export interface FirstDetentionColumns {
  detained_at: string | null;
  detained_precision: OccurredAtPrecision | null;
  /** First and last day of the writer's calendar period (precision day, month or year); else null. */
  detained_on: string | null;
  detained_until: string | null;
}

/**
 * The earliest recorded detention by when it happened. A detention only implied by later news (a release that came
 * first) has no entry and no date: it is never counted in a period it might not belong to.
 */
export function firstDetention(state: CaseState): FirstDetentionColumns {
  const first = state.detentions.reduce<CaseState['detentions'][number] | null>(
    (earliest, d) => (earliest === null || Date.parse(d.occurredAt) < Date.parse(earliest.occurredAt) ? d : earliest),
    null,
  );
  if (first === null) return { detained_at: null, detained_precision: null, detained_on: null, detained_until: null };
  const period = calendarPeriod(first.occurredAtPrecision, first.occurredOn ?? first.occurredAt);
  return {
    detained_at: first.occurredAt,
    detained_precision: first.occurredAtPrecision,
    detained_on: period?.first ?? null,
    detained_until: period?.last ?? null,
  };
}

/** `2022-01` is 1 to 31 January; `2022` the whole year; `2022-01-08` that day alone. */
function calendarPeriod(precision: OccurredAtPrecision, written: string): { first: string; last: string } | null {
  switch (precision) {
    case 'day':
      return { first: written.slice(0, 10), last: written.slice(0, 10) };
    case 'month': {
      const [year, month] = written.slice(0, 7).split('-').map(Number);
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { first: `${written.slice(0, 7)}-01`, last: `${written.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
    }
    case 'year':
      return { first: `${written.slice(0, 4)}-01-01`, last: `${written.slice(0, 4)}-12-31` };
    case 'exact':
    case 'approximate':
    case 'unknown':
      return null;
  }
}
