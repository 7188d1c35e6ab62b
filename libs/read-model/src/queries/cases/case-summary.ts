import type {
  CaseStatus,
  HearingTimePrecision,
  OccurredAtPrecision,
  PublicRole,
  Vulnerability,
} from '@casetrack/domain';
import type { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import type { CaseDeadline } from '../case-deadlines';
import type {
  CaseDetailDocument,
  ChargeView,
  ComplaintView,
  FacilityView,
  LawyerView,
  LinkView,
  MeasureView,
  NextHearingView,
} from '../../projection/views';
import { hearingAhead } from '../hearing-ahead';
import { iso, isoOf } from '../sql';

/** A case as the case list shows it (the contract's case summary). */
export interface CaseSummary {
  caseId: string;
  fullName: string;
  nameVariants: string[];
  city: string | null;
  status: CaseStatus;
  closed: boolean;
  currentFacility: FacilityView | null;
  charges: ChargeView[];
  lawyers: LawyerView[];
  nextHearing: NextHearingView | null;
  measure: MeasureView | null;
  /** An administrative arrest's start + days; null without an arrest of a known length. */
  expectedReleaseAt: string | null;
  /** The arrest's precision, which the expected release cannot exceed (`unknown`: no later than). */
  expectedReleasePrecision: OccurredAtPrecision | null;
  /** The arrest's term is past and no release is recorded since it began (the system invents none). */
  termEnded: boolean;
  openComplaints: number;
  tortureAllegations: number;
  vulnerabilities: Vulnerability[];
  /** Human-rights defender, journalist...: empty when none is known. */
  publicRoles: PublicRole[];
  version: number;
  lastRecordedAt: string;
}

/** The case detail: the summary plus its hearings, complaints, allegations (without testimony), transfers, measures... */
export type CaseDetail = CaseSummary &
  Omit<CaseDetailDocument, 'complaints' | 'links'> & {
    complaints: Array<ComplaintView & { overdue: boolean }>;
    links: LinkView[];
    /** The case this one was merged into as a duplicate (lists leave it out); null while it is a case of its own. */
    mergedInto: string | null;
    /** The deadlines of the rule sets (RULE_SETS) the case has now, soonest first, each with its source. */
    deadlines: CaseDeadline[];
  };

/** The columns of `cases` the summary needs, as pg returns them. */
export interface SummaryRow {
  case_id: string;
  full_name: string;
  name_variants: string[];
  city: string | null;
  status: CaseStatus;
  closed: boolean;
  current_facility: FacilityView | null;
  charges: ChargeView[];
  lawyers: LawyerView[];
  measure: MeasureView['measure'] | null;
  measure_until: Date | null;
  expected_release_at: Date | null;
  /** NULL in rows written before the precision was kept (a rebuild fills it). */
  expected_release_precision: OccurredAtPrecision | null;
  /** Computed when read: `unreleased_term_end <= now()`. */
  term_ended: boolean;
  open_complaints: number;
  torture_allegations: number;
  vulnerabilities: Vulnerability[];
  /** NULL in rows written before identities grew (a rebuild fills it). */
  public_roles: PublicRole[] | null;
  version: number;
  last_recorded_at: Date;
}

/** The columns of `cases` the summary reads, qualified with the table alias. */
export function summaryColumns(alias: string): string {
  const columns = SUMMARY_COLUMNS.map((column) => `${alias}.${column}`).join(', ');
  return `${columns}, ${termEnded(alias)} AS term_ended`;
}

/** Whether an administrative arrest's term is past without a recorded release: it depends on the clock. */
export function termEnded(alias: string): string {
  return `COALESCE(${alias}.unreleased_term_end <= now(), false)`;
}

const SUMMARY_COLUMNS: ReadonlyArray<Exclude<keyof SummaryRow, 'term_ended'>> = [
  'case_id',
  'full_name',
  'name_variants',
  'city',
  'status',
  'closed',
  'current_facility',
  'charges',
  'lawyers',
  'measure',
  'measure_until',
  'expected_release_at',
  'expected_release_precision',
  'open_complaints',
  'torture_allegations',
  'vulnerabilities',
  'public_roles',
  'version',
  'last_recorded_at',
];

export function toSummary(row: SummaryRow, nextHearing: NextHearingView | null): CaseSummary {
  return {
    caseId: row.case_id,
    fullName: row.full_name,
    nameVariants: row.name_variants,
    city: row.city,
    status: row.status,
    closed: row.closed,
    currentFacility: row.current_facility,
    charges: row.charges,
    lawyers: row.lawyers,
    nextHearing,
    measure: row.measure === null ? null : { measure: row.measure, until: iso(row.measure_until) },
    expectedReleaseAt: iso(row.expected_release_at),
    expectedReleasePrecision: row.expected_release_precision,
    termEnded: row.term_ended,
    openComplaints: row.open_complaints,
    tortureAllegations: row.torture_allegations,
    vulnerabilities: row.vulnerabilities,
    publicRoles: row.public_roles ?? [],
    version: row.version,
    lastRecordedAt: isoOf(row.last_recorded_at),
  };
}

/** A next hearing as a statement reads it (`scheduled_at` as text where it came through JSON). */
export interface NextHearingRow {
  hearing_id: string;
  kind: NextHearingView['kind'];
  court: string;
  scheduled_at: Date | string;
  scheduled_precision: HearingTimePrecision;
}

export function nextHearingOf(row: NextHearingRow): NextHearingView {
  return {
    hearingId: row.hearing_id,
    kind: row.kind,
    court: row.court,
    scheduledAt: isoOf(row.scheduled_at),
    scheduledAtPrecision: row.scheduled_precision,
  };
}

/**
 * The next hearing of each case: the earliest still scheduled that has not passed (hearingAhead: a day-only one
 * stays the next hearing all through its day). Computed when read (it depends on the clock), from the hearings of the
 * cases on the page only.
 */
export async function nextHearings(dataSource: DataSource, caseIds: string[]): Promise<Map<string, NextHearingView>> {
  const found = new Map<string, NextHearingView>();
  if (caseIds.length === 0) return found;
  const rows: Array<NextHearingRow & { case_id: string }> = await dataSource.query(
    `SELECT DISTINCT ON (h.case_id) h.case_id, h.hearing_id, h.kind, h.court, h.scheduled_at, h.scheduled_precision
       FROM ${READ_MODEL_SCHEMA}.hearings h
      WHERE h.case_id = ANY($1::uuid[]) AND ${hearingAhead('h')}
      ORDER BY h.case_id, h.scheduled_at, h.hearing_id`,
    [caseIds],
  );
  for (const row of rows) found.set(row.case_id, nextHearingOf(row));
  return found;
}
