import { ERASED_TEXT } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { detainedWithin } from './filters';
import { Sql } from './sql';
import type { StatsFilters } from './stats.query';
import { type Viewer, visibleTo } from './viewer';

export interface StatsScope {
  viewer: Viewer;
  filters: StatsFilters;
}

export interface Statement {
  text: string;
  params: unknown[];
}

/** One row of the `scalars` statement: the grouping set it belongs to is the one whose flag is 0. */
export interface ScalarRow {
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
  allegations: number;
  deaths: number;
}

/** One row of the `arrays` statement: a value of one of the cases' lists and the cases that hold it. */
export interface ArrayRow {
  kind: 'role' | 'method' | 'cause';
  value: string;
  count: number;
}

const CASES = `${READ_MODEL_SCHEMA}.cases c`;

/**
 * The statistics in five statements, each narrowed to the same cases (those the viewer may see, not merged, in the
 * period, city and closed state asked for), run side by side. Each reads the cases once: the per-case values are
 * counted in one pass by grouping sets, the lists (roles, methods, causes) in one pass over their elements. At
 * crisis scale the cost is the number of rows read, so every breakdown added here joins one of these passes.
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
                         coalesce(sum(c.torture_allegations), 0)::int AS allegations,
                         count(*) FILTER (WHERE c.deceased)::int AS deaths
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
                         ) v
                   WHERE ${where} GROUP BY v.kind, v.value`,
    ),
    // The title most often given with the article; an erased title is no title.
    byArticle: statement(
      (where, sql) => `SELECT ch.article, mode() WITHIN GROUP (ORDER BY ch.title) AS title,
                              count(DISTINCT c.case_id)::int AS count
                         FROM ${CASES} CROSS JOIN LATERAL (
                                SELECT e->>'article' AS article,
                                       nullif(nullif(trim(e->>'title'), ''), ${sql.param(ERASED_TEXT)}) AS title
                                  FROM jsonb_array_elements(c.charges) e
                                 WHERE e->>'status' = 'active' AND e->>'article' IS NOT NULL) ch
                        WHERE ${where} GROUP BY ch.article ORDER BY count DESC, ch.article`,
    ),
    complaints: statement(
      (where) => `SELECT count(*)::int AS filed,
                         count(*) FILTER (WHERE k.outcome = 'investigation_opened')::int AS "investigationOpened",
                         count(*) FILTER (WHERE k.outcome = 'refused')::int AS refused,
                         count(*) FILTER (WHERE k.status = 'awaiting')::int AS awaiting,
                         count(*) FILTER (WHERE k.status = 'awaiting' AND k.response_due_at < now())::int AS overdue
                    FROM ${READ_MODEL_SCHEMA}.complaints k JOIN ${CASES} ON c.case_id = k.case_id
                   WHERE ${where}`,
    ),
    hearings: statement(
      (where) => `SELECT count(*)::int AS held,
                         (percentile_cont(0.5) WITHIN GROUP (ORDER BY h.duration_minutes))::float8
                           AS "medianDurationMinutes",
                         (avg(h.defendant_heard::int))::float8 AS "defendantHeardShare",
                         (avg(h.lawyer_present::int))::float8 AS "lawyerPresentShare"
                    FROM ${READ_MODEL_SCHEMA}.hearings h JOIN ${CASES} ON c.case_id = h.case_id
                   WHERE ${where} AND h.status = 'held'`,
    ),
  };
}

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
