import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { canSeeCase } from '@casetrack/auth';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import { READ_MODEL_POOL } from '../../tokens';
import type { CaseRow } from '../../projection/views';
import { type CaseDeadlineRow, DEADLINE_JSON, toCaseDeadline } from '../case-deadlines';
import { hearingAhead } from '../hearing-ahead';
import { Sql } from '../sql';
import { type Viewer, visibleTo } from '../viewer';
import { allegationsFor } from './allegation-views';
import { linksAmong, otherCasesSql, type OtherCaseRow } from './case-links';
import {
  type CaseDetail,
  nextHearingOf,
  type NextHearingRow,
  summaryColumns,
  type SummaryRow,
  toSummary,
} from './case-summary';

/** The columns of `cases` the detail reads besides the summary's, and what the statement reads along with them. */
type DetailRow = SummaryRow &
  Pick<CaseRow, 'lawyer_ids' | 'detail' | 'merged_into'> & {
    next_hearing: NextHearingRow | null;
    others: OtherCaseRow[];
    deadlines: CaseDeadlineRow[];
  };

/**
 * One case in detail; `null` when it does not exist or the viewer may not see it (both answer 404).
 * `logAs` set: the read is recorded in the case access log under that view, by the statement that reads the case
 * (see the handler).
 */
export class GetCaseQuery extends Query<CaseDetail | null> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly logAs: 'detail' | null = null,
  ) {
    super();
  }
}

/** The statement's text by its name (one per role and `logAs`). */
const statementTexts = new Map<string, string>();

/**
 * The case, its next hearing, the cases its links may name and the access log's record of the read, in one statement:
 * one round trip instead of four, and the record is committed before any answer can leave (it is written only for a
 * case the viewer may see, by the same condition that lists and search use). The statement is prepared once per
 * connection (planning it took PostgreSQL several times as long as running it). Its text depends only on the viewer's
 * role and on `logAs`, and so does its name (a name is bound to one text on every connection).
 */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseDetail | null> {
  constructor(@Inject(READ_MODEL_POOL) private readonly pool: Pool) {}

  async execute({ viewer, caseId, logAs }: GetCaseQuery): Promise<CaseDetail | null> {
    const sql = new Sql();
    const id = `${sql.param(caseId)}::uuid`;
    const visible = visibleTo(sql, 'c', viewer);
    const logged =
      logAs === null
        ? ''
        : `, logged AS (
             INSERT INTO case_access_log (case_id, user_id, user_role, view)
             SELECT case_id, ${sql.param(viewer.id)}::uuid, ${sql.param(viewer.role)}, ${sql.param(logAs)} FROM found
           )`;
    const name = `casetrack_get_case_${viewer.role}_${logAs ?? 'unlogged'}`;
    // Built once per name: the same text every time (the parameters above were numbered alike), and building it
    // was a visible part of a read's CPU.
    let text = statementTexts.get(name);
    if (text === undefined) {
      text = `WITH found AS (
         SELECT ${summaryColumns('c')}, c.lawyer_ids, c.detail, c.merged_into
           FROM ${READ_MODEL_SCHEMA}.cases c WHERE c.case_id = ${id} AND ${visible}
       )${logged}
       SELECT found.*,
              (SELECT json_build_object('hearing_id', h.hearing_id, 'kind', h.kind, 'court', h.court,
                                        'scheduled_at', h.scheduled_at, 'scheduled_precision', h.scheduled_precision)
                 FROM ${READ_MODEL_SCHEMA}.hearings h
                WHERE h.case_id = ${id} AND ${hearingAhead('h')}
                ORDER BY h.scheduled_at, h.hearing_id LIMIT 1) AS next_hearing,
              (${otherCasesSql(id, 'found.detail')}) AS others,
              (SELECT coalesce(json_agg(${DEADLINE_JSON} ORDER BY d.due_at, d.rule_set_id, d.rule_id), '[]'::json)
                 FROM case_deadlines d WHERE d.case_id = ${id}) AS deadlines
         FROM found`;
      statementTexts.set(name, text);
    }
    const { rows } = await this.pool.query<DetailRow>({
      name,
      text,
      values: sql.params,
    });
    const found = rows[0];
    // The statement applied the access policy already; this is the policy itself, should the two ever disagree.
    if (!found || !canSeeCase(viewer.role, viewer.id, found.lawyer_ids)) return null;
    const summary = toSummary(found, found.next_hearing === null ? null : nextHearingOf(found.next_hearing));
    const now = Date.now();
    const { complaints, allegations, ...rest } = found.detail;
    return {
      ...summary,
      ...rest,
      links: linksAmong(viewer, caseId, found.detail, found.others),
      // NULL in rows written before merges existed, and for every case not merged.
      mergedInto: found.merged_into ?? null,
      deadlines: found.deadlines.map((row) => toCaseDeadline(row, now)),
      allegations: allegationsFor(viewer.role, allegations),
      complaints: complaints.map((c) => ({
        ...c,
        overdue: c.status === 'awaiting' && c.responseDueAt !== null && Date.parse(c.responseDueAt) < now,
      })),
    };
  }
}
