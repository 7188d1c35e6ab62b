import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { Sql } from './sql';
import type { StatsFilters } from './stats-filters';
import type { Statement } from './stats-statements';
import type { Viewer } from './viewer';

/** One counted value: `kind` as in case-counts.ts, with `city` and `facility` grouped and `due` turned `overdue`. */
export interface CountedRow {
  kind: string;
  k1: string | null;
  k2: string | null;
  k3: string | null;
  n: number;
}

/**
 * The instants (epoch milliseconds) the period's first day begins and its last day ends at in the reader's zone,
 * null for an open end, and whether both are whole UTC hours.
 */
export interface PeriodBounds {
  lo: number | null;
  hi: number | null;
  wholeHours: boolean;
}

/**
 * Whether the counts can answer for this viewer: only for those who see every case (viewer.ts). A lawyer's figures
 * must leave out what they may not see, case by case; their caseload is small, so the statistics read it.
 */
export function seesEveryCase(viewer: Viewer): boolean {
  return viewer.role === 'coordinator' || viewer.role === 'auditor';
}

/** The statement that finds `PeriodBounds`, computed by PostgreSQL as `detainedWithin` computes them. */
export function boundsStatement(filters: StatsFilters): Statement {
  const sql = new Sql();
  const zone = sql.param(filters.timeZone ?? 'UTC');
  const lo =
    filters.from === undefined
      ? 'NULL::timestamptz'
      : `(${sql.param(filters.from)}::date::timestamp AT TIME ZONE ${zone})`;
  const hi =
    filters.to === undefined
      ? 'NULL::timestamptz'
      : `((${sql.param(filters.to)}::date + 1)::timestamp AT TIME ZONE ${zone})`;
  const text = `SELECT (extract(epoch FROM lo) * 1000)::float8 AS lo, (extract(epoch FROM hi) * 1000)::float8 AS hi,
                       coalesce(date_trunc('hour', lo, 'UTC') = lo, true)
                         AND coalesce(date_trunc('hour', hi, 'UTC') = hi, true) AS "wholeHours"
                  FROM (SELECT ${lo} AS lo, ${hi} AS hi) b`;
  return { text, params: sql.params };
}

/**
 * The statistics from `case_counts` over a period whose ends are whole UTC hours (or no period): the UTC days wholly
 * inside it from the day rows, the hours at its ends from the hour rows, the calendar detentions as `detainedWithin`
 * takes them. Cities and facilities are grouped as the live statement groups them (by PostgreSQL's `lower`, which
 * JavaScript's does not match), and overdue answers are told from the due times now.
 */
export function countedStatement(filters: StatsFilters, bounds: PeriodBounds): Statement {
  const sql = new Sql();
  const conditions = [period(sql, filters, bounds)];
  if (filters.city !== undefined) conditions.push(`lower(t.city) = lower(${sql.param(filters.city.trim())})`);
  if (filters.closed !== undefined) conditions.push(`t.closed = ${sql.param(filters.closed)}`);
  const text = `WITH s AS (SELECT kind, k1, k2, k3, sum(n) AS n FROM ${READ_MODEL_SCHEMA}.case_counts t
                            WHERE ${conditions.join(' AND ')} GROUP BY kind, k1, k2, k3)
                SELECT kind, k1, k2, k3, n::int FROM s WHERE kind NOT IN ('city', 'facility', 'due')
                UNION ALL
                SELECT 'city', min(k1), NULL, NULL, sum(n)::int FROM s WHERE kind = 'city' GROUP BY lower(k1)
                UNION ALL
                SELECT 'facility', min(k1), min(k2), min(k3), sum(n)::int FROM s WHERE kind = 'facility'
                 GROUP BY lower(trim(k1)), lower(k2), lower(k3)
                UNION ALL
                SELECT 'overdue', NULL, NULL, NULL, sum(n)::int FROM s
                 WHERE kind = 'due' AND k1::numeric < extract(epoch FROM now()) HAVING count(*) > 0`;
  return { text, params: sql.params };
}

/**
 * The grains (see case-counts.ts) that hold the cases detained within the period, every case once. `bounds` are whole
 * hours: `[lo, hi)` is split into `[lo, dayFrom)` by hours, `[dayFrom, dayTo)` by days, `[dayTo, hi)` by hours.
 */
function period(sql: Sql, filters: StatsFilters, bounds: PeriodBounds): string {
  if (filters.from === undefined && filters.to === undefined) return `t.grain IN ('d', 'c', 'n')`;
  const calendar = [`t.grain = 'c'`];
  if (filters.from !== undefined) calendar.push(`t.detained_on >= ${sql.param(filters.from)}::date`);
  if (filters.to !== undefined) {
    const to = sql.param(filters.to);
    calendar.push(`t.detained_on <= ${to}::date`, `t.detained_until <= ${to}::date`);
  }
  const lo = bounds.lo ?? -Infinity;
  const hi = bounds.hi ?? Infinity;
  const days = wholeDays(lo, hi);
  const range = (grain: 'h' | 'd', from: number, to: number): string | null => {
    if (!(from < to)) return null;
    const parts = [`t.grain = '${grain}'`];
    // Epoch seconds, not ISO text: a period may end past the year 9999, which no ISO string of JavaScript's parses.
    if (Number.isFinite(from)) parts.push(`t.bucket >= to_timestamp(${sql.param(from / 1000)}::float8)`);
    if (Number.isFinite(to)) parts.push(`t.bucket < to_timestamp(${sql.param(to / 1000)}::float8)`);
    return `(${parts.join(' AND ')})`;
  };
  const instant = days
    ? [range('h', lo, days.from), range('d', days.from, days.to), range('h', days.to, hi)]
    : [range('h', lo, hi)];
  const branches = [`(${calendar.join(' AND ')})`, ...instant.filter((b): b is string => b !== null)];
  return `(${branches.join(' OR ')})`;
}

const DAY_MS = 86_400_000;

/** The UTC days wholly inside `[lo, hi)`, as `[from, to)`; null when there is none. */
function wholeDays(lo: number, hi: number): { from: number; to: number } | null {
  const from = Number.isFinite(lo) ? Math.ceil(lo / DAY_MS) * DAY_MS : lo;
  const to = Number.isFinite(hi) ? Math.floor(hi / DAY_MS) * DAY_MS : hi;
  return from < to ? { from, to } : null;
}
