import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SUMMED_FIGURES } from '../projection/case-counts';
import { boundsStatement, type CountedRow, countedStatement, type PeriodBounds, seesEveryCase } from './stats-counted';
import { type Stats, statsOf } from './stats-figures';
import type { StatsFilters } from './stats-filters';
import { type ArrayRow, type ScalarRow, type Statement, statsStatements } from './stats-statements';
import { type Viewer } from './viewer';

export type { StatsFilters } from './stats-filters';
export type { Stats } from './stats-figures';

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
 * Two ways to the same figures. For a viewer who sees every case, over no period or one whose ends are whole UTC
 * hours in their zone (every zone with whole-hour offsets), they are added up from `case_counts`, the counts the
 * projector keeps with the cases (projection/case-counts.ts): a few thousand rows however many cases a period holds.
 * Otherwise (a lawyer, who may see only their caseload; a zone with a fractional offset) they are computed from the
 * cases themselves (stats-statements.ts). Both count the same way, and an integration test holds them equal.
 * Merged duplicates are never counted: each is the survivor's person.
 */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery, Stats> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters }: GetStatsQuery): Promise<Stats> {
    return statsOf((await this.counted(viewer, filters)) ?? (await this.scanned(viewer, filters)));
  }

  /** From `case_counts`; null when they cannot answer exactly for this viewer and period. */
  async counted(viewer: Viewer, filters: StatsFilters): Promise<CountedRow[] | null> {
    if (!seesEveryCase(viewer)) return null;
    const periodless = filters.from === undefined && filters.to === undefined;
    const bounds = periodless
      ? { lo: null, hi: null, wholeHours: true }
      : (await this.run<PeriodBounds>(boundsStatement(filters)))[0];
    if (!bounds.wholeHours) return null;
    return this.run<CountedRow>(countedStatement(filters, bounds));
  }

  /** From the cases the viewer may see. */
  async scanned(viewer: Viewer, filters: StatsFilters): Promise<CountedRow[]> {
    const s = statsStatements({ viewer, filters });
    const [scalars, arrays] = await Promise.all([this.run<ScalarRow>(s.scalars), this.run<ArrayRow>(s.arrays)]);
    return [...scalars.flatMap(scalarCounts), ...arrays.map(arrayCount)];
  }

  private run<T>(statement: Statement): Promise<T[]> {
    return this.dataSource.query(statement.text, statement.params);
  }
}

/** A row of the grouping sets as counted values: the grouping set it belongs to is the one whose flag is 0. */
function scalarCounts(row: ScalarRow): CountedRow[] {
  const one = (kind: string, k1: string | null, k2: string | null = null, k3: string | null = null): CountedRow[] => [
    { kind, k1, k2, k3, n: row.count },
  ];
  if (row.g_status === 0) return one('status', row.status);
  if (row.g_city === 0) return one('city', row.city);
  if (row.g_facility === 0) return one('facility', row.facility_city, row.code, row.name);
  if (row.g_death === 0) return one('death', row.circumstances);
  return SUMMED_FIGURES.map(([figure]) => ({ kind: 'sum', k1: figure, k2: null, k3: null, n: row[figure] }));
}

function arrayCount(row: ArrayRow): CountedRow {
  return { kind: row.kind, k1: row.value, k2: null, k3: null, n: row.count };
}
