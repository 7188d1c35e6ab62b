import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ComplaintBody, ComplaintOutcome, ComplaintStatus } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import type { ComplaintView } from '../projection/views';
import { selectPage } from './page';
import { iso, isoOf, Sql } from './sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from './viewer';

export interface ComplaintFilters {
  status?: ComplaintStatus;
  /** true: awaiting an answer past its due date; false: everything else. */
  overdue?: boolean;
  caseId?: string;
}

/** A complaint as the case detail shows it, with its case and whether it is overdue, minus the pressure count. */
export interface ComplaintItem extends Omit<ComplaintView, 'pressureCount'> {
  caseId: string;
  fullName: string;
  overdue: boolean;
}

export class ListComplaintsQuery extends Query<Page<ComplaintItem>> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: ComplaintFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}

interface Row {
  complaint_id: string;
  case_id: string;
  full_name: string;
  allegation_id: string | null;
  filed_with: ComplaintBody;
  reference: string | null;
  status: ComplaintStatus;
  filed_at: Date;
  response_due_at: Date | null;
  overdue: boolean;
  outcome: ComplaintOutcome | null;
  answered_at: Date | null;
  withdrawn_at: Date | null;
}

const OVERDUE = `(k.status = 'awaiting' AND k.response_due_at < now())`;

/** Complaints, the answer due soonest first (those without a due date last). */
@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery, Page<ComplaintItem>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters, page }: ListComplaintsQuery): Promise<Page<ComplaintItem>> {
    const sql = new Sql();
    sql.where(visibleTo(sql, 'c', viewer));
    if (filters.status) sql.where(`k.status = ${sql.param(filters.status)}`);
    if (filters.overdue === true) sql.where(OVERDUE);
    if (filters.overdue === false) sql.where(`NOT coalesce(${OVERDUE}, false)`);
    // A merged duplicate's complaints leave the list with it, except when its own page asks for them.
    if (filters.caseId) sql.where(`k.case_id = ${sql.param(filters.caseId)}`);
    else sql.where('c.merged_into IS NULL');
    const from = `FROM ${READ_MODEL_SCHEMA}.complaints k JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = k.case_id
      ${sql.whereClause}`;
    const { rows, total } = await selectPage<Row>(
      this.dataSource,
      sql,
      {
        columns: `k.complaint_id, k.case_id, c.full_name, k.allegation_id, k.filed_with, k.reference, k.status,
                  k.filed_at, k.response_due_at, coalesce(${OVERDUE}, false) AS overdue, k.outcome, k.answered_at,
                  k.withdrawn_at`,
        from,
        orderBy: 'k.response_due_at NULLS LAST, k.filed_at, k.complaint_id',
      },
      page,
    );
    return {
      items: rows.map((r) => ({
        complaintId: r.complaint_id,
        caseId: r.case_id,
        fullName: r.full_name,
        allegationId: r.allegation_id,
        filedWith: r.filed_with,
        reference: r.reference,
        status: r.status,
        filedAt: isoOf(r.filed_at),
        responseDueAt: iso(r.response_due_at),
        overdue: r.overdue,
        outcome: r.outcome,
        answeredAt: iso(r.answered_at),
        withdrawnAt: iso(r.withdrawn_at),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
