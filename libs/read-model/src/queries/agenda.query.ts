import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ComplaintBody, HearingKind, HearingTimePrecision, Measure } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { type CaseDeadline, type CaseDeadlineRow, DEADLINE_JSON, toCaseDeadline } from './case-deadlines';
import { hearingAhead } from './hearing-ahead';
import { isoOf, Sql } from './sql';
import { type Viewer, visibleTo } from './viewer';

interface AgendaBase {
  at: string;
  caseId: string;
  fullName: string;
}

export type AgendaItem =
  | (AgendaBase & {
      kind: 'hearing';
      /** `day`: only the day is known (`at` is its midnight in the recorder's zone); no hour may be shown. */
      hearing: { hearingId: string; kind: HearingKind; court: string; scheduledAtPrecision: HearingTimePrecision };
    })
  | (AgendaBase & { kind: 'measure_ends'; measure: { measure: Measure; until: string } })
  | (AgendaBase & {
      kind: 'complaint_due' | 'complaint_overdue';
      complaint: { complaintId: string; filedWith: ComplaintBody; responseDueAt: string };
    })
  /** An administrative arrest's term is past (`at`: start + days) and no release is recorded since. */
  | (AgendaBase & { kind: 'term_ended' })
  /** A deadline of the rule sets that the lawyers are reminded of (`at`: when it is due), with its source. */
  | (AgendaBase & { kind: 'deadline'; deadline: CaseDeadline });

/** The most an agenda lists; beyond that a coordinator narrows it with the calendar and complaint lists. */
export const AGENDA_LIMIT = 500;

/**
 * Upcoming deadlines over the next `days` days on the open cases the viewer may see (a lawyer: their own; a
 * coordinator or auditor: all), soonest first: hearings still scheduled (one known to the day only until its day
 * is over), preventive measures ending, and complaints awaiting an answer that is due in the window or already
 * overdue (however long ago), and administrative arrests whose term ended without a recorded release (however long
 * ago: someone must find out where the person is), and the deadlines by law (RULE_SETS) the lawyers are reminded of,
 * due in the window or passed and still open.
 */
export class GetAgendaQuery extends Query<{ items: AgendaItem[] }> {
  constructor(
    readonly viewer: Viewer,
    readonly days: number,
  ) {
    super();
  }
}

interface Row {
  kind: AgendaItem['kind'];
  at: Date;
  case_id: string;
  full_name: string;
  item_id: string | null;
  item_kind: string;
  label: string | null;
  deadline: CaseDeadlineRow | null;
  precision: HearingTimePrecision | null;
}

@QueryHandler(GetAgendaQuery)
export class GetAgendaHandler implements IQueryHandler<GetAgendaQuery, { items: AgendaItem[] }> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, days }: GetAgendaQuery): Promise<{ items: AgendaItem[] }> {
    const sql = new Sql();
    const visible = `${visibleTo(sql, 'c', viewer)} AND NOT c.closed`;
    const until = `now() + make_interval(days => ${sql.param(days)}::int)`;
    const s = READ_MODEL_SCHEMA;
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT 'hearing' AS kind, h.scheduled_at AS at, c.case_id, c.full_name, h.hearing_id::text AS item_id,
                h.kind AS item_kind, h.court AS label, NULL::json AS deadline, h.scheduled_precision AS precision
           FROM ${s}.hearings h JOIN ${s}.cases c ON c.case_id = h.case_id
          WHERE ${hearingAhead('h')} AND h.scheduled_at < ${until} AND ${visible}
         UNION ALL
         SELECT 'measure_ends', c.measure_until, c.case_id, c.full_name, NULL, c.measure, NULL, NULL, NULL
           FROM ${s}.cases c
          WHERE c.measure_until >= now() AND c.measure_until < ${until} AND ${visible}
         UNION ALL
         SELECT CASE WHEN k.response_due_at < now() THEN 'complaint_overdue' ELSE 'complaint_due' END,
                k.response_due_at, c.case_id, c.full_name, k.complaint_id::text, k.filed_with, NULL, NULL, NULL
           FROM ${s}.complaints k JOIN ${s}.cases c ON c.case_id = k.case_id
          WHERE k.status = 'awaiting' AND k.response_due_at < ${until} AND ${visible}
         UNION ALL
         SELECT 'term_ended', c.unreleased_term_end, c.case_id, c.full_name, NULL, 'arrest', NULL, NULL, NULL
           FROM ${s}.cases c
          WHERE c.unreleased_term_end <= now() AND ${visible}
         UNION ALL
         SELECT 'deadline', d.due_at, c.case_id, c.full_name, d.rule_set_id || ':' || d.rule_id, d.fact, NULL,
                ${DEADLINE_JSON}, NULL
           FROM case_deadlines d JOIN ${s}.cases c ON c.case_id = d.case_id
          WHERE d.remind = 'lawyers' AND d.due_at < ${until} AND ${visible}
       ) agenda
       ORDER BY at, case_id, item_id NULLS FIRST
       LIMIT ${AGENDA_LIMIT}`,
      sql.params,
    );
    return { items: rows.map(toItem) };
  }
}

function toItem(row: Row): AgendaItem {
  const base: AgendaBase = { at: isoOf(row.at), caseId: row.case_id, fullName: row.full_name };
  switch (row.kind) {
    case 'hearing':
      return {
        ...base,
        kind: 'hearing',
        hearing: {
          hearingId: row.item_id ?? '',
          kind: row.item_kind as HearingKind,
          court: row.label ?? '',
          scheduledAtPrecision: row.precision ?? 'exact',
        },
      };
    case 'measure_ends':
      return { ...base, kind: 'measure_ends', measure: { measure: row.item_kind as Measure, until: base.at } };
    case 'term_ended':
      return { ...base, kind: 'term_ended' };
    case 'deadline':
      // Only the deadline part of the statement selects this kind, and it always has the row.
      return { ...base, kind: 'deadline', deadline: toCaseDeadline(row.deadline as CaseDeadlineRow) };
    case 'complaint_due':
    case 'complaint_overdue':
      return {
        ...base,
        kind: row.kind,
        complaint: {
          complaintId: row.item_id ?? '',
          filedWith: row.item_kind as ComplaintBody,
          responseDueAt: base.at,
        },
      };
  }
}
