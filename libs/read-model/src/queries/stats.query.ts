import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CASE_STATUSES, type CaseStatus, type PublicRole } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { Sql } from './sql';
import { type Viewer, visibleTo } from './viewer';

export interface Stats {
  /** Every status, zero included. */
  byStatus: Record<CaseStatus, number>;
  /** Cases whose city is unknown count under no city. */
  byCity: Array<{ city: string; count: number }>;
  /** Cases with an active charge under the article. */
  byArticle: Array<{ article: string; count: number }>;
  /**
   * Cases whose current facility it is, one entry per (city, code, name): two cities' facilities of the same name
   * stay two. `facility` is its code, or its name when it has none; `name` is null when only the code is known.
   */
  byFacility: Array<{ facility: string; name: string | null; city: string; count: number }>;
  /** Cases of people publicly known in the role (one case may count under several roles); none known: no role. */
  byPublicRole: Array<{ publicRole: PublicRole; count: number }>;
  /** Torture allegations recorded (not retracted), across the cases. */
  tortureAllegations: number;
  complaints: { filed: number; investigationOpened: number; refused: number; awaiting: number; overdue: number };
  /** Cases in which a death is recorded. */
  deaths: number;
}

/** Statistics over the cases the viewer may see (a lawyer: their own cases). */
export class GetStatsQuery extends Query<Stats> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}

/**
 * Aggregates computed from the rows at read time rather than kept as counters, so that a retraction or a rebuild
 * can never leave a count wrong.
 */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery, Stats> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer }: GetStatsQuery): Promise<Stats> {
    const sql = new Sql();
    // A merged duplicate is the survivor's person: counting it would count them twice.
    const visible = `${visibleTo(sql, 'c', viewer)} AND c.merged_into IS NULL`;
    const cases = `${READ_MODEL_SCHEMA}.cases c`;
    const run = <T>(text: string): Promise<T[]> => this.dataSource.query(text, sql.params);
    const [statuses, cities, articles, facilities, totals, complaints, roles] = await Promise.all([
      run<{ status: CaseStatus; count: number }>(
        `SELECT c.status, count(*)::int AS count FROM ${cases} WHERE ${visible} GROUP BY c.status`,
      ),
      run<{ city: string; count: number }>(
        `SELECT min(c.city) AS city, count(*)::int AS count FROM ${cases} WHERE ${visible}
            AND c.city IS NOT NULL GROUP BY lower(c.city) ORDER BY count DESC, city`,
      ),
      run<{ article: string; count: number }>(
        `SELECT a.article, count(*)::int AS count FROM ${cases} CROSS JOIN LATERAL unnest(c.articles) AS a(article)
          WHERE ${visible} GROUP BY a.article ORDER BY count DESC, a.article`,
      ),
      run<Stats['byFacility'][number]>(
        `SELECT min(coalesce(f.code, f.name)) AS facility, min(f.name) AS name,
                min(f.city) AS city, count(*)::int AS count
           FROM ${cases} CROSS JOIN LATERAL (SELECT nullif(trim(c.current_facility->>'code'), '') AS code,
                                                    nullif(trim(c.current_facility->>'name'), '') AS name,
                                                    c.current_facility->>'city' AS city) f
          WHERE ${visible} AND c.current_facility IS NOT NULL
          GROUP BY lower(trim(f.city)), lower(f.code), lower(f.name) ORDER BY count DESC, facility, city`,
      ),
      run<{ allegations: number; deaths: number }>(
        `SELECT coalesce(sum(c.torture_allegations), 0)::int AS allegations,
                count(*) FILTER (WHERE c.deceased)::int AS deaths
           FROM ${cases} WHERE ${visible}`,
      ),
      run<Stats['complaints']>(
        `SELECT count(*)::int AS filed,
                count(*) FILTER (WHERE k.outcome = 'investigation_opened')::int AS "investigationOpened",
                count(*) FILTER (WHERE k.outcome = 'refused')::int AS refused,
                count(*) FILTER (WHERE k.status = 'awaiting')::int AS awaiting,
                count(*) FILTER (WHERE k.status = 'awaiting' AND k.response_due_at < now())::int AS overdue
           FROM ${READ_MODEL_SCHEMA}.complaints k JOIN ${cases} ON c.case_id = k.case_id
          WHERE ${visible}`,
      ),
      run<Stats['byPublicRole'][number]>(
        `SELECT r.role AS "publicRole", count(*)::int AS count
           FROM ${cases} CROSS JOIN LATERAL unnest(c.public_roles) AS r(role)
          WHERE ${visible} GROUP BY r.role ORDER BY count DESC, r.role`,
      ),
    ]);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    for (const row of statuses) byStatus[row.status] = row.count;
    return {
      byStatus,
      byCity: cities,
      byArticle: articles,
      byFacility: facilities,
      byPublicRole: roles,
      tortureAllegations: totals[0].allegations,
      complaints: complaints[0],
      deaths: totals[0].deaths,
    };
  }
}
