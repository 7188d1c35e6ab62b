import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CaseStatus, PublicRole, Vulnerability } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import { selectBoundedPage } from '../page';
import { Sql } from '../sql';
import { type Page, type PageRequest, type Viewer } from '../viewer';
import { caseListConditions } from './case-list-conditions';
import { type CaseSummary, nextHearings, summaryColumns, type SummaryRow, toSummary } from './case-summary';

export interface CaseListFilters {
  status?: CaseStatus;
  city?: string;
  /** A facility's code, or its name when it has none (case-insensitive). */
  facility?: string;
  /** An article of an active charge. */
  article?: string;
  lawyerId?: string;
  vulnerability?: Vulnerability;
  publicRole?: PublicRole;
  /** A name in any spelling. */
  q?: string;
  /** Only cases whose administrative arrest's term is past without a recorded release (`false`: no filter). */
  termEnded?: boolean;
  closed?: boolean;
  /** Days of the first detention, both ends included (see `detainedWithin`). */
  detainedFrom?: string;
  detainedTo?: string;
  /** `true`: cases with a torture allegation (not retracted); `false`: cases without one. */
  tortureAlleged?: boolean;
  /** Without it: best name matches first with `q`, else most recently updated first. */
  sort?: CaseListSort;
  /** The reader's zone: the day of a detention known to the minute is its day there (default UTC). */
  timeZone?: string;
}

export const CASE_LIST_SORTS = [
  'lastRecordedAt',
  '-lastRecordedAt',
  'fullName',
  '-fullName',
  'detainedAt',
  '-detainedAt',
] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/**
 * Each order ends in the case id so pages never overlap, and each is read along an index (migration
 * 1764000001410); cases with no recorded detention come last either way.
 */
const ORDER_BY: Record<CaseListSort, string> = {
  lastRecordedAt: 'c.last_recorded_at ASC, c.case_id DESC',
  '-lastRecordedAt': 'c.last_recorded_at DESC, c.case_id',
  fullName: 'c.full_name ASC, c.case_id',
  '-fullName': 'c.full_name DESC, c.case_id DESC',
  detainedAt: 'c.detained_at ASC NULLS LAST, c.case_id',
  '-detainedAt': 'c.detained_at DESC NULLS LAST, c.case_id DESC',
};

/** A page of the list; past EXACT_TOTAL_UP_TO matches `total` is the planner's estimate and says so. */
export interface CaseListPage extends Page<CaseSummary> {
  totalIsEstimate: boolean;
}

export class ListCasesQuery extends Query<CaseListPage> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: CaseListFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** The case list: filters combine with AND; ordered by `sort`, else best name matches first with `q`, else most recently updated first. */
@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery, CaseListPage> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters, page }: ListCasesQuery): Promise<CaseListPage> {
    const sql = new Sql();
    const search = caseListConditions(sql, 'c', viewer, filters);

    const from = `FROM ${READ_MODEL_SCHEMA}.cases c ${sql.whereClause}`;
    const orderBy =
      filters.sort !== undefined
        ? ORDER_BY[filters.sort]
        : search
          ? () => `${search.order()}, c.case_id`
          : ORDER_BY['-lastRecordedAt'];
    const { rows, total, totalIsEstimate } = await selectBoundedPage<SummaryRow>(
      this.dataSource,
      sql,
      { columns: summaryColumns('c'), from, orderBy },
      page,
    );
    const next = await nextHearings(
      this.dataSource,
      rows.map((r) => r.case_id),
    );
    return {
      items: rows.map((row) => toSummary(row, next.get(row.case_id) ?? null)),
      total,
      totalIsEstimate,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
