import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { type CaseDeadline, type CaseDeadlineRow, DEADLINE_JSON, toCaseDeadline } from './case-deadlines';
import { isoOf, Sql } from './sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from './viewer';

export const ESCALATION_REASONS = ['unlocated', 'no_lawyer', 'term_ended', 'rule_deadline'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export interface Escalation {
  caseId: string;
  fullName: string;
  city: string | null;
  reason: EscalationReason;
  /** Since when the case waits: unknown whereabouts, custody without a lawyer, the term's end, the deadline. */
  since: string;
  /** For rule_deadline: the rule's deadline that passed (its name and source). */
  deadline?: CaseDeadline;
}

/**
 * The coordinators' queue: open, unmerged cases of living people that wait for someone to act, one item per case
 * and reason, oldest first. Nobody knows where the person is; the person is in custody and no lawyer is assigned;
 * an administrative arrest's term ended with no release recorded; a deadline of the rule sets that the coordinators
 * watch passed (held 72 hours without a court decision) — one item per such deadline, those on an administrative arrest
 * left to term_ended, which says the same. An item appears as soon as its reason holds (the
 * reminders' ESCALATION_AFTER delays only the message) and leaves with the fact that resolves it.
 */
export class ListEscalationsQuery extends Query<Page<Escalation>> {
  constructor(
    readonly viewer: Viewer,
    readonly page: PageRequest,
    readonly reason?: EscalationReason,
  ) {
    super();
  }
}

interface Row {
  case_id: string;
  full_name: string;
  city: string | null;
  reason: EscalationReason;
  since: Date;
  deadline: CaseDeadlineRow | null;
}

const SINCE: Record<Exclude<EscalationReason, 'rule_deadline'>, string> = {
  unlocated: 'c.unlocated_since',
  no_lawyer: 'c.no_lawyer_since',
  term_ended: 'c.unreleased_term_end',
};

@QueryHandler(ListEscalationsQuery)
export class ListEscalationsHandler implements IQueryHandler<ListEscalationsQuery, Page<Escalation>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, page, reason }: ListEscalationsQuery): Promise<Page<Escalation>> {
    const sql = new Sql();
    const open = `${visibleTo(sql, 'c', viewer)} AND NOT c.closed AND c.merged_into IS NULL AND NOT c.deceased`;
    const reasons = reason === undefined ? ESCALATION_REASONS : [reason];
    // Keys and times only, which the per-reason partial indexes answer alone; names and cities are read for the page's
    // rows only (a case row is wide: reading every waiting one would cost most of the answer).
    const waiting = reasons
      .map((r) => {
        if (r === 'rule_deadline') {
          return `SELECT c.case_id, '${r}'::text AS reason, d.due_at AS since, d.rule_set_id, d.rule_id
                    FROM case_deadlines d JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = d.case_id
                   WHERE d.remind = 'coordinators' AND d.fact <> 'administrative_sanction' AND d.due_at <= now()
                     AND ${open}`;
        }
        const since = SINCE[r];
        // A term waits only once it has ended; the other reasons from the moment they hold.
        const due = r === 'term_ended' ? `${since} <= now()` : `${since} IS NOT NULL`;
        return `SELECT c.case_id, '${r}'::text AS reason, ${since} AS since, NULL::text AS rule_set_id,
                       NULL::text AS rule_id
                  FROM ${READ_MODEL_SCHEMA}.cases c WHERE ${due} AND ${open}`;
      })
      .join(' UNION ALL ');
    const countParams = [...sql.params];
    const limit = sql.param(page.pageSize);
    const offset = sql.param((page.page - 1) * page.pageSize);
    const [counted, rows] = await Promise.all([
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM (${waiting}) e`, countParams),
      this.dataSource.query<Row[]>(
        `WITH page AS (
           SELECT e.case_id, e.reason, e.since, e.rule_set_id, e.rule_id FROM (${waiting}) e
            ORDER BY e.since, e.case_id, e.reason, e.rule_id LIMIT ${limit} OFFSET ${offset})
         SELECT p.case_id, c.full_name, c.city, p.reason, p.since,
                (SELECT ${DEADLINE_JSON} FROM case_deadlines d
                  WHERE d.case_id = p.case_id AND d.rule_set_id = p.rule_set_id AND d.rule_id = p.rule_id) AS deadline
           FROM page p JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = p.case_id
          ORDER BY p.since, p.case_id, p.reason, p.rule_id`,
        sql.params,
      ),
    ]);
    const total = counted[0].total;
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        fullName: row.full_name,
        city: row.city,
        reason: row.reason,
        since: isoOf(row.since),
        ...(row.deadline === null ? {} : { deadline: toCaseDeadline(row.deadline) }),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
