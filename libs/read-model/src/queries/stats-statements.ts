import { SUMMED_FIGURES, type SummedFigure } from '../projection/case-counts';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { detainedWithin } from './filters';
import { Sql } from './sql';
import type { StatsFilters } from './stats-filters';
import { type Viewer, visibleTo } from './viewer';

export interface StatsScope {
  viewer: Viewer;
  filters: StatsFilters;
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * One row of the `scalars` statement: the grouping set it belongs to is the one whose flag is 0. Its sums are those
 * of the counts' `sum` rows, under the same names (case-counts.ts).
 */
export interface ScalarRow extends Readonly<Record<SummedFigure, number>> {
  g_status: number;
  g_city: number;
  g_facility: number;
  g_death: number;
  status: string | null;
  city: string | null;
  facility_city: string | null;
  code: string | null;
  name: string | null;
  circumstances: string | null;
  count: number;
}

/** One row of the `arrays` statement: a value of one of the cases' lists and the cases that hold it. */
export interface ArrayRow {
  kind: 'role' | 'method' | 'cause' | 'article' | 'title' | 'minutes' | 'overdue';
  /** `minutes`: a duration as text; `title`: `<article>\u001f<title>`; `overdue`: null. */
  value: string | null;
  count: number;
}

const CASES = `${READ_MODEL_SCHEMA}.cases c`;

/**
 * The statistics in two statements, each narrowed to the same cases (those the viewer may see, not merged, in the
 * period, city and closed state asked for), run side by side. Each reads the cases once: the per-case values and the
 * sums of the per-case figures (hearings, complaints: see case-figures.ts) in one pass by grouping sets, the lists
 * (roles, methods, causes, articles and their titles, hearing durations, overdue answers) in one pass over their
 * elements. At crisis scale the cost is the rows read, so every breakdown added here joins one of these passes.
 */
export function statsStatements(scope: StatsScope) {
  const statement = (build: (where: string, sql: Sql) => string): Statement => {
    const sql = new Sql();
    const text = build(scopeCondition(sql, scope), sql);
    return { text, params: sql.params };
  };
  return {
    scalars: statement(
      (where) => `SELECT GROUPING(c.status) AS g_status, GROUPING(lower(c.city)) AS g_city,
                         GROUPING(lower(trim(f.city)), lower(f.code), lower(f.name)) AS g_facility,
                         GROUPING(c.death_circumstances) AS g_death,
                         c.status, min(c.city) AS city, min(f.city) AS facility_city, min(f.code) AS code,
                         min(f.name) AS name, c.death_circumstances AS circumstances, count(*)::int AS count,
                         ${SUMS}
                    FROM ${CASES} CROSS JOIN LATERAL (SELECT nullif(trim(c.current_facility->>'code'), '') AS code,
                                                             nullif(trim(c.current_facility->>'name'), '') AS name,
                                                             c.current_facility->>'city' AS city) f
                   WHERE ${where}
                   GROUP BY GROUPING SETS ((c.status), (lower(c.city)), (lower(trim(f.city)), lower(f.code), lower(f.name)),
                                           (c.death_circumstances), ())`,
    ),
    arrays: statement(
      (where) => `SELECT v.kind, v.value, count(*)::int AS count
                    FROM ${CASES} CROSS JOIN LATERAL (
                           SELECT 'role' AS kind, r AS value FROM unnest(c.public_roles) r
                           UNION ALL SELECT 'method', m FROM unnest(c.torture_methods) m
                           UNION ALL SELECT 'cause', k FROM unnest(c.death_causes) k WHERE c.deceased AND k <> 'unknown'
                           UNION ALL SELECT 'article', a FROM unnest(c.articles) a
                           UNION ALL SELECT 'title', t FROM unnest(c.article_titles) t
                           UNION ALL SELECT 'minutes', d::text FROM unnest(c.held_minutes) d
                           UNION ALL SELECT 'overdue', NULL FROM unnest(c.complaint_due_at) due WHERE due < now()
                         ) v
                   WHERE ${where} GROUP BY v.kind, v.value`,
    ),
  };
}

/** The per-case figures summed over the cases, as the counts sum them. */
const SUMS = SUMMED_FIGURES.map(([figure, value]) => `coalesce(sum(${value}), 0)::int AS ${figure}`).join(', ');

function scopeCondition(sql: Sql, { viewer, filters }: StatsScope): string {
  // A merged duplicate is the survivor's person: counting it would count them twice.
  const conditions = [visibleTo(sql, 'c', viewer), 'c.merged_into IS NULL'];
  if (filters.city !== undefined) conditions.push(`lower(c.city) = lower(${sql.param(filters.city.trim())})`);
  if (filters.closed !== undefined) conditions.push(`c.closed = ${sql.param(filters.closed)}`);
  const period = detainedWithin(sql, 'c', {
    from: filters.from,
    to: filters.to,
    timeZone: filters.timeZone ?? 'UTC',
  });
  if (period) conditions.push(period);
  return conditions.join(' AND ');
}
