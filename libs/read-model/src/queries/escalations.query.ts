import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { selectPage } from './page';
import { isoOf, Sql } from './sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from './viewer';

export const ESCALATION_REASONS = ['unlocated', 'no_lawyer', 'term_ended'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export interface Escalation {
  caseId: string;
  fullName: string;
  city: string | null;
  reason: EscalationReason;
  /** Since when the case waits: unknown whereabouts, custody without a lawyer, or the term's end. */
  since: string;
}

/**
 * The coordinators' queue: open, unmerged cases of living people that wait for someone to act, one item per case
 * and reason, oldest first. Nobody knows where the person is; the person is in custody and no lawyer is assigned;
 * an administrative arrest's term ended with no release recorded. An item appears as soon as its reason holds (the
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
}

const SINCE: Record<EscalationReason, string> = {
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
    const parts = reasons.map((r) => {
      const since = SINCE[r];
      // A term waits only once it has ended; the other reasons from the moment they hold.
      const due = r === 'term_ended' ? `${since} <= now()` : `${since} IS NOT NULL`;
      return `SELECT c.case_id, c.full_name, c.city, '${r}'::text AS reason, ${since} AS since
                FROM ${READ_MODEL_SCHEMA}.cases c WHERE ${due} AND ${open}`;
    });
    const { rows, total } = await selectPage<Row>(
      this.dataSource,
      sql,
      {
        columns: 'e.case_id, e.full_name, e.city, e.reason, e.since',
        from: `FROM (${parts.join(' UNION ALL ')}) e`,
        orderBy: 'e.since, e.case_id, e.reason',
      },
      page,
    );
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        fullName: row.full_name,
        city: row.city,
        reason: row.reason,
        since: isoOf(row.since),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
