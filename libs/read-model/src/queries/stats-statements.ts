import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { ERASED_TEXT } from '@casetrack/domain';
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

const CASES = `${READ_MODEL_SCHEMA}.cases c`;

/**
 * Every statement of the statistics, each narrowed to the same cases: those the viewer may see, not merged, in the
 * period, city and closed state asked for. Each has its own parameters, so that they run side by side.
 */
export function statsStatements(scope: StatsScope) {
  const statement = (build: (where: string, sql: Sql) => string): Statement => {
    const sql = new Sql();
    const text = build(scopeCondition(sql, scope), sql);
    return { text, params: sql.params };
  };
  return {
    byStatus: statement(
      (where) => `SELECT c.status, count(*)::int AS count FROM ${CASES} WHERE ${where} GROUP BY c.status`,
    ),
    byCity: statement(
      (where) => `SELECT min(c.city) AS city, count(*)::int AS count FROM ${CASES}
                   WHERE ${where} AND c.city IS NOT NULL GROUP BY lower(c.city) ORDER BY count DESC, city`,
    ),
    // The title most often given with the article; an erased title is no title.
    byArticle: statement(
      (where, sql) => `SELECT ch.article, mode() WITHIN GROUP (ORDER BY ch.title) AS title,
                              count(DISTINCT c.case_id)::int AS count
                         FROM ${CASES} CROSS JOIN LATERAL (
                                SELECT e->>'article' AS article, nullif(nullif(trim(e->>'title'), ''), ${sql.param(ERASED_TEXT)}) AS title
                                  FROM jsonb_array_elements(c.charges) e
                                 WHERE e->>'status' = 'active' AND e->>'article' IS NOT NULL) ch
                        WHERE ${where} GROUP BY ch.article ORDER BY count DESC, ch.article`,
    ),
    byFacility: statement(
      (where) => `SELECT min(coalesce(f.code, f.name)) AS facility, min(f.code) AS code, min(f.name) AS name,
                         min(f.city) AS city, count(*)::int AS count
                    FROM ${CASES} CROSS JOIN LATERAL (SELECT nullif(trim(c.current_facility->>'code'), '') AS code,
                                                             nullif(trim(c.current_facility->>'name'), '') AS name,
                                                             c.current_facility->>'city' AS city) f
                   WHERE ${where} AND c.current_facility IS NOT NULL
                   GROUP BY lower(trim(f.city)), lower(f.code), lower(f.name) ORDER BY count DESC, facility, city`,
    ),
    byPublicRole: statement(
      (where) => `SELECT r.role AS "publicRole", count(*)::int AS count
                    FROM ${CASES} CROSS JOIN LATERAL unnest(c.public_roles) AS r(role)
                   WHERE ${where} GROUP BY r.role ORDER BY count DESC, r.role`,
    ),
    byTortureMethod: statement(
      (where) => `SELECT m.method, count(*)::int AS count
                    FROM ${CASES} CROSS JOIN LATERAL unnest(c.torture_methods) AS m(method)
                   WHERE ${where} GROUP BY m.method ORDER BY count DESC, m.method`,
    ),
    deathsByCircumstance: statement(
      (where) => `SELECT c.death_circumstances AS circumstances, count(*)::int AS count FROM ${CASES}
                   WHERE ${where} AND c.deceased AND c.death_circumstances <> 'unknown'
                   GROUP BY c.death_circumstances ORDER BY count DESC, circumstances`,
    ),
    deathsByCause: statement(
      (where) => `SELECT k.cause, count(*)::int AS count
                    FROM ${CASES} CROSS JOIN LATERAL unnest(c.death_causes) AS k(cause)
                   WHERE ${where} AND c.deceased AND k.cause <> 'unknown' GROUP BY k.cause ORDER BY count DESC, k.cause`,
    ),
    totals: statement(
      (where) => `SELECT coalesce(sum(c.torture_allegations), 0)::int AS allegations,
                         count(*) FILTER (WHERE c.deceased)::int AS deaths
                    FROM ${CASES} WHERE ${where}`,
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
