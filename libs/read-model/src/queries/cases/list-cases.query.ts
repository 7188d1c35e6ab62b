import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CaseStatus, PublicRole, Vulnerability } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import { normaliseFacility } from '../filters';
import { nameSearch } from '../name-search';
import { selectPage } from '../page';
import { Sql } from '../sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from '../viewer';
import { type CaseSummary, nextHearings, summaryColumns, type SummaryRow, termEnded, toSummary } from './case-summary';

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
}

export class ListCasesQuery extends Query<Page<CaseSummary>> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: CaseListFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** The case list: filters combine with AND; with `q`, best name matches first, else most recently updated first. */
@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery, Page<CaseSummary>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters, page }: ListCasesQuery): Promise<Page<CaseSummary>> {
    const sql = new Sql();
    sql.where(visibleTo(sql, 'c', viewer));
    // A merged duplicate is read through its survivor; its own GET still answers with mergedInto.
    sql.where('c.merged_into IS NULL');
    if (filters.status) sql.where(`c.status = ${sql.param(filters.status)}`);
    if (filters.city) sql.where(`lower(c.city) = lower(${sql.param(filters.city.trim())})`);
    if (filters.facility) sql.where(`c.facility_key = ${sql.param(normaliseFacility(filters.facility))}`);
    if (filters.article) sql.where(`c.articles @> ARRAY[${sql.param(filters.article.trim())}]::text[]`);
    if (filters.lawyerId) sql.where(`c.lawyer_ids @> ARRAY[${sql.param(filters.lawyerId)}]::uuid[]`);
    if (filters.vulnerability) sql.where(`c.vulnerabilities @> ARRAY[${sql.param(filters.vulnerability)}]::text[]`);
    if (filters.publicRole) sql.where(`c.public_roles @> ARRAY[${sql.param(filters.publicRole)}]::text[]`);
    if (filters.termEnded) sql.where(termEnded('c'));
    const search = filters.q ? nameSearch(sql, 'c', filters.q) : null;
    if (search) sql.where(search.condition);

    const from = `FROM ${READ_MODEL_SCHEMA}.cases c ${sql.whereClause}`;
    const orderBy = search ? () => `${search.order()}, c.case_id` : 'c.last_recorded_at DESC, c.case_id';
    const { rows, total } = await selectPage<SummaryRow>(
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
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
