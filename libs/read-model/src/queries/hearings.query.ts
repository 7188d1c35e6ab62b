import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { HearingKind, HearingStatus } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { selectPage } from './page';
import { escapeLike, isoOf, Sql } from './sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from './viewer';

export interface HearingFilters {
  /** Inclusive; default now. */
  from?: string;
  /** Inclusive; default no end. */
  to?: string;
  lawyerId?: string;
  /** Part of the court's name, case-insensitive. */
  court?: string;
}

export interface CalendarHearing {
  hearingId: string;
  caseId: string;
  fullName: string;
  kind: HearingKind;
  court: string;
  judge: string | null;
  scheduledAt: string;
  status: HearingStatus;
}

export class ListHearingsQuery extends Query<Page<CalendarHearing>> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: HearingFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}

interface Row {
  hearing_id: string;
  case_id: string;
  full_name: string;
  kind: HearingKind;
  court: string;
  judge: string | null;
  scheduled_at: Date;
  status: HearingStatus;
}

/** The hearings calendar, soonest first, every status (a cancelled hearing stays on the calendar as cancelled). */
@QueryHandler(ListHearingsQuery)
export class ListHearingsHandler implements IQueryHandler<ListHearingsQuery, Page<CalendarHearing>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, filters, page }: ListHearingsQuery): Promise<Page<CalendarHearing>> {
    const sql = new Sql();
    sql.where(visibleTo(sql, 'c', viewer));
    // A merged duplicate's hearings leave the calendar with it (the survivor carries the person's case from then on).
    sql.where('c.merged_into IS NULL');
    sql.where(`h.scheduled_at >= ${filters.from ? `${sql.param(filters.from)}::timestamptz` : 'now()'}`);
    if (filters.to) sql.where(`h.scheduled_at <= ${sql.param(filters.to)}::timestamptz`);
    if (filters.lawyerId) sql.where(`c.lawyer_ids @> ARRAY[${sql.param(filters.lawyerId)}]::uuid[]`);
    if (filters.court) sql.where(`h.court ILIKE ${sql.param(`%${escapeLike(filters.court.trim())}%`)}`);
    const from = `FROM ${READ_MODEL_SCHEMA}.hearings h JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = h.case_id
      ${sql.whereClause}`;
    const { rows, total } = await selectPage<Row>(
      this.dataSource,
      sql,
      {
        columns: 'h.hearing_id, h.case_id, c.full_name, h.kind, h.court, h.judge, h.scheduled_at, h.status',
        from,
        orderBy: 'h.scheduled_at, h.hearing_id',
      },
      page,
    );
    return {
      items: rows.map((r) => ({
        hearingId: r.hearing_id,
        caseId: r.case_id,
        fullName: r.full_name,
        kind: r.kind,
        court: r.court,
        judge: r.judge,
        scheduledAt: isoOf(r.scheduled_at),
        status: r.status,
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
