import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type {
  CaseStatus,
  HearingKind,
  HearingStatus,
  HearingTimePrecision,
  LawyerRole,
  Measure,
} from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { courtMatches } from './court-key';
import { selectPage } from './page';
import { iso, isoOf, Sql } from './sql';
import { type Page, type PageRequest, type Viewer, visibleTo } from './viewer';

export interface HearingFilters {
  /** Inclusive; default now. */
  from?: string;
  /** Inclusive; default no end. */
  to?: string;
  lawyerId?: string;
  /** The court as a person types it: every word somewhere in its name, whatever the case or punctuation. */
  court?: string;
}

/** A lawyer on the hearing's case, by the name their account has. */
export interface HearingLawyer {
  lawyerId: string;
  name: string | null;
  role: LawyerRole;
}

/** How a held hearing went: `outcome` names the decision when it was recorded as one (court day). */
export interface HeldHearing {
  outcome: string;
  durationMinutes: number | null;
  defendantHeard: boolean | null;
  lawyerPresent: boolean | null;
}

export interface CalendarHearing {
  hearingId: string;
  caseId: string;
  fullName: string;
  kind: HearingKind;
  court: string;
  judge: string | null;
  scheduledAt: string;
  /** `day`: only the day is known; no hour is shown. */
  scheduledAtPrecision: HearingTimePrecision;
  status: HearingStatus;
  /** The court day's board: who defends the person, what came of it, the case as it stands (If-Match: caseVersion). */
  lawyers: HearingLawyer[];
  held: HeldHearing | null;
  caseStatus: CaseStatus;
  measure: { measure: Measure; until: string | null } | null;
  caseVersion: number;
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
  scheduled_precision: HearingTimePrecision;
  status: HearingStatus;
  lawyers: HearingLawyer[];
  held: (HeldHearing & { outcome: string | null }) | null;
  case_status: CaseStatus;
  measure: Measure | null;
  measure_until: Date | null;
  version: number;
}

/** The case's lawyers with their accounts' names, in the order the case lists them. */
const LAWYERS = `COALESCE((SELECT jsonb_agg(jsonb_build_object('lawyerId', l.value->>'lawyerId', 'role', l.value->>'role',
  'name', u.name) ORDER BY l.ordinality) FROM jsonb_array_elements(c.lawyers) WITH ORDINALITY l
  LEFT JOIN users u ON u.id = (l.value->>'lawyerId')::uuid), '[]'::jsonb) AS lawyers`;

/** The hearing as the case detail holds it once held. */
const HELD = `(SELECT jsonb_build_object('outcome', e->'outcome', 'durationMinutes', e->'durationMinutes',
  'defendantHeard', e->'defendantHeard', 'lawyerPresent', e->'lawyerPresent')
  FROM jsonb_array_elements(c.detail->'hearings') e WHERE e->>'hearingId' = h.hearing_id::text LIMIT 1) AS held`;

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
    if (filters.court) sql.where(courtMatches(sql, 'h.court', filters.court));
    const from = `FROM ${READ_MODEL_SCHEMA}.hearings h JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = h.case_id
      ${sql.whereClause}`;
    const { rows, total } = await selectPage<Row>(
      this.dataSource,
      sql,
      {
        columns: `h.hearing_id, h.case_id, c.full_name, h.kind, h.court, h.judge, h.scheduled_at, h.scheduled_precision, h.status,
          c.status AS case_status, c.measure, c.measure_until, c.version, ${LAWYERS}, ${HELD}`,
        from,
        orderBy: 'h.scheduled_at, h.hearing_id',
      },
      page,
    );
    return { items: rows.map(toHearing), total, page: page.page, pageSize: page.pageSize };
  }
}

function toHearing(r: Row): CalendarHearing {
  return {
    hearingId: r.hearing_id,
    caseId: r.case_id,
    fullName: r.full_name,
    kind: r.kind,
    court: r.court,
    judge: r.judge,
    scheduledAt: isoOf(r.scheduled_at),
    scheduledAtPrecision: r.scheduled_precision,
    status: r.status,
    lawyers: r.lawyers,
    // The detail keeps a hearing's outcome fields from the first; only a held one has an outcome.
    held: r.status === 'held' && r.held !== null && r.held.outcome !== null ? (r.held as HeldHearing) : null,
    caseStatus: r.case_status,
    measure: r.measure === null ? null : { measure: r.measure, until: iso(r.measure_until) },
    caseVersion: r.version,
  };
}
