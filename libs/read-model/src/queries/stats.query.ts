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
import { ARTICLE_TITLE_SEPARATOR } from '../projection/case-figures';
import type { StatsFilters } from './stats-filters';
import { type ArrayRow, type ScalarRow, type Statement, statsStatements } from './stats-statements';

export type { StatsFilters } from './stats-filters';
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
 * can never leave a count wrong. Merged duplicates are never counted: each is the survivor's person. Breakdowns are
 * ordered most first, ties by their value.
 */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery, Stats> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters }: GetStatsQuery): Promise<Stats> {
    const s = statsStatements({ viewer, filters });
    const run = <T>(statement: Statement): Promise<T[]> => this.dataSource.query(statement.text, statement.params);
    const [scalars, arrays] = await Promise.all([run<ScalarRow>(s.scalars), run<ArrayRow>(s.arrays)]);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
    const byCity: Stats['byCity'] = [];
    const byFacility: Stats['byFacility'] = [];
    const deathsByCircumstance: Stats['deathsByCircumstance'] = [];
    let totals: ScalarRow | undefined;
    for (const row of scalars) {
      // Each row belongs to the one grouping set whose flag is 0; a group of unknown values is no value.
      if (row.g_status === 0) {
        if (row.status !== null) byStatus[row.status as CaseStatus] = row.count;
      } else if (row.g_city === 0) {
        if (row.city !== null) byCity.push({ city: row.city, count: row.count });
      } else if (row.g_facility === 0) {
        const facility = row.code ?? row.name;
        if (facility !== null && row.facility_city !== null) {
          byFacility.push({ facility, code: row.code, name: row.name, city: row.facility_city, count: row.count });
        }
      } else if (row.g_death === 0) {
        if (row.circumstances !== null && row.circumstances !== 'unknown') {
          deathsByCircumstance.push({ circumstances: row.circumstances as DeathCircumstances, count: row.count });
        }
      } else {
        totals = row;
      }
    }
    const listed = <T>(kind: ArrayRow['kind'], entry: (value: string, count: number) => T): T[] =>
      arrays
        .flatMap((row) => (row.kind === kind && row.value !== null ? [{ value: row.value, count: row.count }] : []))
        .sort(byCountThen((row) => row.value))
        .map((row) => entry(row.value, row.count));
    const titles = mostGivenTitles(listed('title', (value, count) => ({ value, count })));
    const sum = (kind: ArrayRow['kind']): number =>
      arrays.reduce((total, row) => (row.kind === kind ? total + row.count : total), 0);
    const share = (part: number, known: number): number | null => (known === 0 ? null : part / known);
    // The empty grouping set () answers its row even over no case.
    const t = totals as ScalarRow;
    return {
      byStatus,
      byCity: byCity.sort(byCountThen((c) => c.city)),
      byArticle: listed('article', (article, count) => ({ article, title: titles.get(article) ?? null, count })),
      byFacility: byFacility.sort(byCountThen((f) => `${f.facility}\u0000${f.city}`)),
      byPublicRole: listed('role', (value, count) => ({ publicRole: value as PublicRole, count })),
      byTortureMethod: listed('method', (value, count) => ({ method: value as TortureMethod, count })),
      deathsByCircumstance: deathsByCircumstance.sort(byCountThen((d) => d.circumstances)),
      deathsByCause: listed('cause', (value, count) => ({ cause: value as DeathCause, count })),
      tortureAllegations: t.allegations,
      complaints: {
        filed: t.complaints_filed,
        investigationOpened: t.complaints_investigation_opened,
        refused: t.complaints_refused,
        awaiting: t.complaints_awaiting,
        overdue: sum('overdue'),
      },
      deaths: t.deaths,
      hearings: {
        held: t.held,
        medianDurationMinutes: median(listed('minutes', (value, count) => ({ value: Number(value), count }))),
        defendantHeardShare: share(t.defendant_heard, t.defendant_heard_known),
        lawyerPresentShare: share(t.lawyer_present, t.lawyer_present_known),
      },
    };
  }
}

/** Each article's title given in the most cases (ties: the first in code-point order); `titles` most first. */
function mostGivenTitles(titles: ReadonlyArray<{ value: string; count: number }>): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const { value } of titles) {
    const at = value.indexOf(ARTICLE_TITLE_SEPARATOR);
    const article = value.slice(0, at);
    if (!chosen.has(article)) chosen.set(article, value.slice(at + 1));
  }
  return chosen;
}

/** The median of a histogram of values (the mean of the two middle ones for an even count), as percentile_cont. */
function median(histogram: ReadonlyArray<{ value: number; count: number }>): number | null {
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const n = sorted.reduce((total, h) => total + h.count, 0);
  if (n === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (index < seen) return h.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Most first, then by the key in code-point order (as the database's C collation orders them). */
function byCountThen<T extends { count: number }>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
