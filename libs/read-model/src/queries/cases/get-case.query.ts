import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { canSeeCase, revokedAfter } from '@casetrack/auth';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import type { CaseRow } from '../../projection/views';
import type { Viewer } from '../viewer';
import { allegationsFor } from './allegation-views';
import { linksOf } from './case-links';
import { type CaseDetail, nextHearings, summaryColumns, type SummaryRow, toSummary } from './case-summary';

/** The columns of `cases` the detail reads besides the summary's. */
type DetailRow = SummaryRow & Pick<CaseRow, 'lawyer_ids' | 'detail' | 'merged_into'>;

/** One case in detail; `null` when it does not exist or the viewer may not see it (both answer 404). */
export class GetCaseQuery extends Query<CaseDetail | null> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseDetail | null> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, caseId }: GetCaseQuery): Promise<CaseDetail | null> {
    const rows: DetailRow[] = await this.dataSource.query(
      `SELECT ${summaryColumns('c')}, c.lawyer_ids, c.detail, c.merged_into FROM ${READ_MODEL_SCHEMA}.cases c WHERE c.case_id = $1`,
      [caseId],
    );
    const found = rows[0];
    if (!found || !canSeeCase(viewer.role, viewer.id, found.lawyer_ids)) return null;
    if (viewer.role === 'lawyer' && (await this.revokedSinceProjected(found, viewer.id))) return null;
    const next = await nextHearings(this.dataSource, [caseId]);
    const summary = toSummary(found, next.get(caseId) ?? null);
    const now = Date.now();
    const { complaints, allegations, ...rest } = found.detail;
    return {
      ...summary,
      ...rest,
      links: await linksOf(this.dataSource, viewer, caseId, found.detail),
      // NULL in rows written before merges existed, and for every case not merged.
      mergedInto: found.merged_into ?? null,
      allegations: allegationsFor(viewer.role, allegations),
      complaints: complaints.map((c) => ({
        ...c,
        overdue: c.status === 'awaiting' && c.responseDueAt !== null && Date.parse(c.responseDueAt) < now,
      })),
    };
  }

  /** The row lists the lawyer, but it is older than their removal from the case (the projector lags). */
  private async revokedSinceProjected(found: DetailRow, lawyerId: string): Promise<boolean> {
    const rows: Array<{ revoked: boolean }> = await this.dataSource.query(
      `SELECT ${revokedAfter('$1::uuid', '$2::uuid', '$3::int')} AS revoked`,
      [found.case_id, lawyerId, found.version],
    );
    return rows[0].revoked;
  }
}
