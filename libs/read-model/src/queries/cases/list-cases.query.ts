import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import { selectBoundedPage } from '../page';
import { Sql } from '../sql';
import { type Page, type PageRequest, type Viewer } from '../viewer';
import { caseListConditions } from './case-list-conditions';
import type { CaseListFilters, CaseListSort } from './case-list-filters';
import { type CaseSummary, nextHearings, summaryColumns, type SummaryRow, toSummary } from './case-summary';

export { CASE_LIST_SORTS, type CaseListFilters, type CaseListSort } from './case-list-filters';

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
      {
        columns: summaryColumns('c'),
        from,
        orderBy,
        keyed: { table: `${READ_MODEL_SCHEMA}.cases c`, key: 'c.case_id' },
      },
      page,
      // A name search reads and ranks every match anyway: its page counts them.
      { countWithRows: search !== null },
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
