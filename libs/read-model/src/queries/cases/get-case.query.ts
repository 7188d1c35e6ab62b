import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { canSeeCase, revokedAfter } from '@casetrack/auth';
import { CaseSummaryEntity } from '../../entities/case-summary.entity';
import type { Viewer } from '../viewer';
import { allegationsFor } from './allegation-views';
import { type CaseDetail, nextHearings, toSummary } from './case-summary';

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
  constructor(
    @InjectRepository(CaseSummaryEntity) private readonly cases: Repository<CaseSummaryEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ viewer, caseId }: GetCaseQuery): Promise<CaseDetail | null> {
    const found = await this.cases.findOneBy({ caseId });
    if (!found || !canSeeCase(viewer.role, viewer.id, found.lawyerIds)) return null;
    if (viewer.role === 'lawyer' && (await this.revokedSinceProjected(found, viewer.id))) return null;
    const next = await nextHearings(this.dataSource, [caseId]);
    const summary = toSummary(
      {
        case_id: found.caseId,
        full_name: found.fullName,
        name_variants: found.nameVariants,
        city: found.city,
        status: found.status,
        closed: found.closed,
        current_facility: found.currentFacility,
        charges: found.charges,
        lawyers: found.lawyers,
        measure: found.measure,
        measure_until: found.measureUntil,
        open_complaints: found.openComplaints,
        torture_allegations: found.tortureAllegations,
        vulnerabilities: found.vulnerabilities,
        version: found.version,
        last_recorded_at: found.lastRecordedAt,
      },
      next.get(caseId) ?? null,
    );
    const now = Date.now();
    const { complaints, allegations, ...rest } = found.detail;
    return {
      ...summary,
      ...rest,
      allegations: allegationsFor(viewer.role, allegations),
      complaints: complaints.map((c) => ({
        ...c,
        overdue: c.status === 'awaiting' && c.responseDueAt !== null && Date.parse(c.responseDueAt) < now,
      })),
    };
  }

  /** The row lists the lawyer, but it is older than their removal from the case (the projector lags). */
  private async revokedSinceProjected(found: CaseSummaryEntity, lawyerId: string): Promise<boolean> {
    const rows: Array<{ revoked: boolean }> = await this.dataSource.query(
      `SELECT ${revokedAfter('$1::uuid', '$2::uuid', '$3::int')} AS revoked`,
      [found.caseId, lawyerId, found.version],
    );
    return rows[0].revoked;
  }
}
