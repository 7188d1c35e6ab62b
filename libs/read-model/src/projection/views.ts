import type {
  AccessDeniedTo,
  Authority,
  CaseStatus,
  ChargeCode,
  ChargeStatus,
  ComplaintBody,
  ComplaintOutcome,
  ComplaintStatus,
  Consent,
  DeathCause,
  DeathCircumstances,
  FacilityKind,
  HearingKind,
  HearingTimePrecision,
  HearingStatus,
  LawyerRole,
  LinkRelation,
  Measure,
  MeasureChangeKind,
  OccurredAtPrecision,
  PublicRole,
  SanctionKind,
  Sex,
  SentenceKind,
  TortureMethod,
  VerdictOutcome,
  Vulnerability,
} from '@casetrack/domain';
import type { CaseFigures } from './case-figures';

/*
 * The JSON shapes the read models store and the reads answer with (camelCase, as in the contract). Optional
 * values are explicit nulls so that every answer has the same keys. None of them holds testimony, witnesses,
 * notes, medical details or other free-text accounts: those stay in the event stream.
 */

/** Unknown values are null, never a placeholder word. */
export interface FacilityView {
  code: string | null;
  name: string | null;
  city: string;
  kind: FacilityKind;
}

export interface ChargeView {
  chargeId: string;
  code: ChargeCode;
  article: string | null;
  part: string | null;
  title: string | null;
  status: ChargeStatus;
}

export interface LawyerView {
  lawyerId: string;
  role: LawyerRole;
}

export interface MeasureView {
  measure: Measure;
  until: string | null;
}

export interface NextHearingView {
  hearingId: string;
  kind: HearingKind;
  court: string;
  scheduledAt: string;
  /** `day`: only the day is known (`scheduledAt` is its midnight in the recorder's zone); no hour may be shown. */
  scheduledAtPrecision: HearingTimePrecision;
}

export interface HearingView {
  hearingId: string;
  kind: HearingKind;
  court: string;
  judge: string | null;
  location: string | null;
  scheduledAt: string;
  /** Absent in documents projected before it existed: exact. */
  scheduledAtPrecision?: HearingTimePrecision;
  status: HearingStatus;
  previousScheduledAt: string[];
  outcome: string | null;
  durationMinutes: number | null;
  defendantHeard: boolean | null;
  lawyerPresent: boolean | null;
}

export interface ComplaintView {
  complaintId: string;
  allegationId: string | null;
  filedWith: ComplaintBody;
  reference: string | null;
  status: ComplaintStatus;
  filedAt: string;
  responseDueAt: string | null;
  outcome: ComplaintOutcome | null;
  answeredAt: string | null;
  withdrawnAt: string | null;
  /** How many times the complainant was pressured; the accounts themselves stay in the stream. */
  pressureCount: number;
}

/** A torture allegation without its testimony (perpetrators, injuries, witnesses) and evidence references. */
export interface AllegationView {
  allegationId: string;
  recordedAsOccurredAt: string;
  periodFrom: string;
  periodTo: string | null;
  facility: string | null;
  methods: TortureMethod[];
  consent: Consent;
  evidenceCount: number;
}

/** When a fact of the case detail happened, with how precisely that is known (never an hour that is not known). */
export interface DatedView {
  occurredAt: string;
  occurredAtPrecision: OccurredAtPrecision;
  /** The writer's day, month or year (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) with those precisions; else null. */
  occurredOn: string | null;
}

export interface TransferView extends DatedView {
  facility: FacilityView;
}

export interface MeasureChangeView extends DatedView {
  change: MeasureChangeKind;
  measure: Measure;
  until: string | null;
  hearingId: string | null;
}

export interface AccessDenialView extends DatedView {
  who: AccessDeniedTo;
  by: string | null;
  /** When the denial began (its occurredAt) and when access was granted again; `until` null while it lasts. */
  from: string;
  until: string | null;
  /** The precision of `until` (the grant's), and the writer's date with precision day, month or year. */
  untilPrecision: OccurredAtPrecision | null;
  untilOn: string | null;
}

export interface DetentionView extends DatedView {
  city: string | null;
  place: string | null;
  authority: Authority;
}

export interface SanctionView extends DatedView {
  kind: SanctionKind;
  days: number | null;
  amount: number | null;
  currency: string | null;
}

export interface VerdictView extends DatedView {
  outcome: VerdictOutcome;
  sentence: { kind: SentenceKind; months: number | null } | null;
}

export interface DeathView extends DatedView {
  circumstances: DeathCircumstances;
  /** Empty when no cause was recorded. */
  causes: DeathCause[];
  bodyReleased: boolean | null;
}

/** What the case detail adds to the summary, stored as one document per case. */
export interface CaseDetailDocument {
  birthDate: string | null;
  /** Known when the full date of birth is not. */
  birthYear: number | null;
  sex: Sex | null;
  occupation: string | null;
  hearings: HearingView[];
  complaints: ComplaintView[];
  allegations: AllegationView[];
  transfers: TransferView[];
  measures: MeasureChangeView[];
  accessDenials: AccessDenialView[];
  detentions: DetentionView[];
  administrativeSanctions: SanctionView[];
  verdict: VerdictView | null;
  death: DeathView | null;
  /** Links recorded on this case (absent in rows projected before links existed); never their note. */
  links?: LinkView[];
}

/** A link to another case; the detail lists those recorded on either case, of the cases the reader may see. */
export interface LinkView {
  caseId: string;
  relation: LinkRelation;
}

/** One row of `cases`, keyed by column name exactly as the table, so that it is written by column name. */
export interface CaseRow extends CaseFigures {
  case_id: string;
  full_name: string;
  name_variants: string[];
  name_keys: string;
  city: string | null;
  status: CaseStatus;
  closed: boolean;
  current_facility: FacilityView | null;
  facility_key: string | null;
  articles: string[];
  charges: ChargeView[];
  lawyer_ids: string[];
  lawyers: LawyerView[];
  measure: Measure | null;
  measure_until: string | null;
  /** An administrative arrest's start + days. */
  expected_release_at: string | null;
  expected_release_precision: OccurredAtPrecision | null;
  /** expected_release_at while no release is recorded since the arrest: past it, the term ended unreleased. */
  unreleased_term_end: string | null;
  /** Since when nobody knows where the person is (status `missing`), for the escalation queue. */
  unlocated_since: string | null;
  /** Since when the person is in custody with no lawyer assigned, for the escalation queue. */
  no_lawyer_since: string | null;
  open_complaints: number;
  torture_allegations: number;
  deceased: boolean;
  vulnerabilities: Vulnerability[];
  public_roles: PublicRole[];
  /** When the first recorded detention happened (see first-detention.ts). */
  detained_at: string | null;
  detained_precision: OccurredAtPrecision | null;
  detained_on: string | null;
  detained_until: string | null;
  /** Every method alleged in the case's allegations, once each. */
  torture_methods: TortureMethod[];
  death_circumstances: DeathCircumstances | null;
  /** Empty when no death, or no cause, is recorded. */
  death_causes: DeathCause[];
  /** The survivor when this case is a merged duplicate: lists, search, statistics and duplicates leave it out. */
  merged_into: string | null;
  opened_at: string | null;
  version: number;
  last_recorded_at: string;
  /** The other cases of the links recorded on this one, so that those cases find the link too. */
  linked_case_ids: string[];
  detail: CaseDetailDocument;
}

export interface HearingRow {
  case_id: string;
  hearing_id: string;
  kind: HearingKind;
  court: string;
  judge: string | null;
  location: string | null;
  scheduled_at: string;
  scheduled_precision: HearingTimePrecision;
  status: HearingStatus;
  duration_minutes: number | null;
  defendant_heard: boolean | null;
  lawyer_present: boolean | null;
}

export interface ComplaintRow {
  case_id: string;
  complaint_id: string;
  allegation_id: string | null;
  filed_with: ComplaintBody;
  reference: string | null;
  status: ComplaintStatus;
  response_due_at: string | null;
  outcome: ComplaintOutcome | null;
  filed_at: string;
  answered_at: string | null;
  withdrawn_at: string | null;
}

/** Every row one case contributes to the read models. */
export interface CaseRows {
  case: CaseRow;
  hearings: HearingRow[];
  complaints: ComplaintRow[];
}
