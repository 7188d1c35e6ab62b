import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  CASE_STATUSES,
  type CaseStatus,
  type DeathCause,
  type DeathCircumstances,
  type PublicRole,
  type TortureMethod,
} from '@casetrack/domain';
import { type StatsScope, statsStatements } from './stats-statements';
import { type Viewer } from './viewer';

export interface Stats {
  /** Every status, zero included. */
  byStatus: Record<CaseStatus, number>;
  /** Cases whose city is unknown count under no city. */
  byCity: Array<{ city: string; count: number }>;
  /**
   * Cases with an active charge under the article (a charge whose article is unknown counts under none); `title` is
   * the title most often recorded with it, null when none was.
   */
  byArticle: Array<{ article: string; title: string | null; count: number }>;
  /**
   * Cases whose current facility it is, one entry per (city, code, name): two cities' facilities of the same name
   * stay two. `facility` is its code, or its name when it has none; `name` is null when only the code is known.
   */
  byFacility: Array<{ facility: string; code: string | null; name: string | null; city: string; count: number }>;
  /** Cases of people publicly known in the role (one case may count under several roles); none known: no role. */
  byPublicRole: Array<{ publicRole: PublicRole; count: number }>;
  /** Cases in which the method is alleged (once per case, whatever the number of allegations naming it). */
  byTortureMethod: Array<{ method: TortureMethod; count: number }>;
  /** Deaths by their circumstances; `unknown` circumstances are not a value and count only in `deaths`. */
  deathsByCircumstance: Array<{ circumstances: DeathCircumstances; count: number }>;
  /** Deaths by each cause recorded (a death may have several); none recorded, or `unknown`: under no cause. */
  deathsByCause: Array<{ cause: DeathCause; count: number }>;
  /** Torture allegations recorded (not retracted), across the cases. */
  tortureAllegations: number;
  /** Complaints of the cases counted. */
  complaints: { filed: number; investigationOpened: number; refused: number; awaiting: number; overdue: number };
  /** Cases in which a death is recorded. */
  deaths: number;
  /**
   * Hearings held in the cases counted. The median is over the held hearings whose duration was recorded; each share
   * is over those where it was recorded whether the defendant was heard (the lawyer present). Null with none known.
   */
  hearings: {
    held: number;
    medianDurationMinutes: number | null;
    defendantHeardShare: number | null;
    lawyerPresentShare: number | null;
  };
}

/** Which cases count: every condition optional, combined with AND. */
export interface StatsFilters {
  /** Days of the first detention, both ends included (see `detainedWithin` in filters.ts). */
  from?: string;
  to?: string;
  /** The case's city, case-insensitive. */
  city?: string;
  closed?: boolean;
  /** The reader's zone, for detentions known to the minute (default UTC). */
  timeZone?: string;
}

/** Statistics over the cases the viewer may see (a lawyer: their own cases). */
export class GetStatsQuery extends Query<Stats> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: StatsFilters = {},
  ) {
    super();
  }
}

/**
 * Aggregates computed from the rows at read time rather than kept as counters, so that a retraction or a rebuild
 * can never leave a count wrong. Merged duplicates are never counted: each is the survivor's person.
 */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery, Stats> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters }: GetStatsQuery): Promise<Stats> {
    const scope: StatsScope = { viewer, filters };
    const s = statsStatements(scope);
    const run = <T>(statement: { text: string; params: unknown[] }): Promise<T[]> =>
      this.dataSource.query(statement.text, statement.params);
    const [
      statuses,
      cities,
      articles,
      facilities,
      roles,
      methods,
      circumstances,
      causes,
      totals,
      complaints,
      hearings,
    ] = await Promise.all([
      run<{ status: CaseStatus; count: number }>(s.byStatus),
      run<Stats['byCity'][number]>(s.byCity),
      run<Stats['byArticle'][number]>(s.byArticle),
      run<Stats['byFacility'][number]>(s.byFacility),
      run<Stats['byPublicRole'][number]>(s.byPublicRole),
      run<Stats['byTortureMethod'][number]>(s.byTortureMethod),
      run<Stats['deathsByCircumstance'][number]>(s.deathsByCircumstance),
      run<Stats['deathsByCause'][number]>(s.deathsByCause),
      run<{ allegations: number; deaths: number }>(s.totals),
      run<Stats['complaints']>(s.complaints),
      run<Stats['hearings']>(s.hearings),
    ]);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
    for (const row of statuses) byStatus[row.status] = row.count;
    const [total] = totals;
    return {
      byStatus,
      byCity: cities,
      byArticle: articles,
      byFacility: facilities,
      byPublicRole: roles,
      byTortureMethod: methods,
      deathsByCircumstance: circumstances,
      deathsByCause: causes,
      tortureAllegations: total.allegations,
      complaints: complaints[0],
      deaths: total.deaths,
      hearings: hearings[0],
    };
  }
}
