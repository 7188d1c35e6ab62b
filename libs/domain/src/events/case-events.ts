import type {
  AccessDeniedTo,
  Authority,
  LinkRelation,
  ChargeCode,
  ComplaintBody,
  ComplaintOutcome,
  Consent,
  DeathCause,
  DeathCircumstances,
  FacilityKind,
  HearingKind,
  HearingTimePrecision,
  LawyerRole,
  Measure,
  MedicalKind,
  ReleaseGrounds,
  SanctionKind,
  SentenceKind,
  Sex,
  SourceKind,
  TortureMethod,
  VerdictOutcome,
  Vulnerability,
  OccurredAtPrecision,
  PressureKind,
  PublicRole,
  RecorderRole,
} from '../values/vocabularies';

/** An ISO-8601 instant in UTC, e.g. `2022-01-06T10:00:00.000Z`. */
export type Instant = string;
/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;
/** A day, month or year of the calendar: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type CalendarPeriod = string;

export interface Detainee {
  fullName: string;
  nameVariants: string[];
  birthDate?: CalendarDate;
  sex: Sex;
  /** Absent: unknown (never the word "unknown"). */
  city?: string;
  vulnerabilities: Vulnerability[];
}

/** At least one of `code` and `name` is known; a facility is identified by its city, code and name together. */
export interface Facility {
  code?: string;
  name?: string;
  city: string;
  kind: FacilityKind;
}

export interface Evidence {
  kind: string;
  reference: string;
  sha256?: string;
}

export interface Sentence {
  kind: SentenceKind;
  months?: number;
}

type Event<T extends string, D> = { readonly type: T; readonly data: D };

/**
 * Who the person is, as corrected or completed after intake. Every field is optional; those present replace the
 * values known before (history keeps both). `birthYear` stands for a birth date nobody can give.
 */
export interface IdentityFields {
  fullName?: string;
  birthDate?: CalendarDate;
  birthYear?: number;
  sex?: Sex;
  city?: string;
  occupation?: string;
  publicRoles?: PublicRole[];
  vulnerabilities?: Vulnerability[];
}

export type CaseOpened = Event<'CaseOpened', { detainee: Detainee; source: { kind: SourceKind; reference?: string } }>;
export type IdentityCorrected = Event<'IdentityCorrected', IdentityFields>;
/** More spellings of the person's name (transliterations, Cyrillic); search and duplicate detection use them. */
export type NameVariantsAdded = Event<'NameVariantsAdded', { variants: string[] }>;
export type LawyerAssigned = Event<'LawyerAssigned', { lawyerId: string; role: LawyerRole }>;
export type LawyerUnassigned = Event<'LawyerUnassigned', { lawyerId: string; reason?: string }>;
export type DetentionRecorded = Event<
  'DetentionRecorded',
  { city?: string; place?: string; authority: Authority; circumstances?: string; injuries?: string }
>;
export type WhereaboutsUnknownReported = Event<'WhereaboutsUnknownReported', { reportedBy?: string }>;
export type DetaineeTransferred = Event<'DetaineeTransferred', { facility: Facility }>;
export type ChargeBrought = Event<
  'ChargeBrought',
  { chargeId: string; code: ChargeCode; article?: string; part?: string; title?: string }
>;
export type ChargeRequalified = Event<
  'ChargeRequalified',
  { chargeId: string; article: string; part?: string; title?: string }
>;
export type ChargeDropped = Event<'ChargeDropped', { chargeId: string; reason: string }>;
export type AdministrativeSanctionImposed = Event<
  'AdministrativeSanctionImposed',
  { kind: SanctionKind; days?: number; amount?: number; currency?: string }
>;
export type HearingScheduled = Event<
  'HearingScheduled',
  {
    hearingId: string;
    kind: HearingKind;
    court: string;
    judge?: string;
    scheduledAt: Instant;
    /** Absent: exact. `day`: only the day is known (scheduledAt is its midnight where it was written). */
    scheduledAtPrecision?: HearingTimePrecision;
    location?: string;
  }
>;
export type HearingRescheduled = Event<
  'HearingRescheduled',
  { hearingId: string; scheduledAt: Instant; scheduledAtPrecision?: HearingTimePrecision; reason?: string }
>;
export type HearingCancelled = Event<'HearingCancelled', { hearingId: string; reason: string }>;
export type HearingHeld = Event<
  'HearingHeld',
  {
    hearingId: string;
    outcome: string;
    durationMinutes?: number;
    defendantHeard?: boolean;
    lawyerPresent?: boolean;
    notes?: string;
  }
>;
export type PreventiveMeasureImposed = Event<
  'PreventiveMeasureImposed',
  { measure: Measure; until?: Instant; hearingId?: string }
>;
/** `measure`: which measure was extended, given when the extension is the first news of it. */
export type PreventiveMeasureExtended = Event<
  'PreventiveMeasureExtended',
  { until: Instant; hearingId?: string; measure?: Measure }
>;
export type ReleasedToHouseArrest = Event<
  'ReleasedToHouseArrest',
  { until?: Instant; address?: string; conditions?: string }
>;
export type Released = Event<'Released', { grounds?: ReleaseGrounds; note?: string }>;
export type AccessDenied = Event<'AccessDenied', { who: AccessDeniedTo; by?: string; details?: string }>;
/** Access was given again: ends the denial to `who` that was open when it occurred. */
export type AccessGranted = Event<'AccessGranted', { who: AccessDeniedTo }>;
export type TortureAllegationRecorded = Event<
  'TortureAllegationRecorded',
  {
    allegationId: string;
    periodFrom: Instant;
    periodTo?: Instant;
    facility?: string;
    methods: TortureMethod[];
    perpetrators?: string;
    injuries?: string;
    witnesses?: string;
    evidence: Evidence[];
    consent: Consent;
    /** The person's own narrative of what was done to them: testimony. */
    account?: string;
  }
>;
export type ComplaintFiled = Event<
  'ComplaintFiled',
  { complaintId: string; allegationId?: string; filedWith: ComplaintBody; reference?: string; responseDueAt?: Instant }
>;
export type ComplaintAnswered = Event<
  'ComplaintAnswered',
  { complaintId: string; outcome: ComplaintOutcome; reference?: string; note?: string }
>;
export type ComplainantPressured = Event<'ComplainantPressured', { complaintId: string; by?: string; details: string }>;
/** Pressure on the detainee or their family not tied to one complaint (a threat, a non-disclosure agreement...). */
export type PressureReported = Event<'PressureReported', { by?: string; details: string; kind?: PressureKind }>;
export type ComplaintWithdrawn = Event<'ComplaintWithdrawn', { complaintId: string; reason: string }>;
export type MedicalFactRecorded = Event<'MedicalFactRecorded', { kind: MedicalKind; details: string }>;
export type VerdictDelivered = Event<'VerdictDelivered', { outcome: VerdictOutcome; sentence?: Sentence }>;
export type DeathRecorded = Event<
  'DeathRecorded',
  { circumstances: DeathCircumstances; causes?: DeathCause[]; bodyReleased?: boolean; details?: string }
>;
export type NoteAdded = Event<'NoteAdded', { text: string }>;
export type FactRetracted = Event<'FactRetracted', { eventId: string; reason: string }>;
/** This case is related to another (`caseId`); both cases list the link. The note may name people: sensitive. */
export type CaseLinked = Event<'CaseLinked', { caseId: string; relation: LinkRelation; note?: string }>;
export type CaseClosed = Event<'CaseClosed', { reason: string }>;
export type CaseReopened = Event<'CaseReopened', { reason: string }>;
/** The case's data key was destroyed: its sensitive fields read as erased from now on. The reason must not identify anyone. */
/**
 * This case is a duplicate of `intoCaseId` (the first half of a merge, the acknowledged fact): from it on the case is
 * closed and reads as merged. The reason may name people: sensitive.
 */
export type MergeRequested = Event<'MergeRequested', { intoCaseId: string; reason: string }>;
/**
 * The second half of a merge, on the survivor: the duplicate's spellings join this case's. Its event id is derived
 * from the MergeRequested's, so completing the merge again appends nothing.
 */
export type DuplicateMerged = Event<'DuplicateMerged', { duplicateCaseId: string; nameVariants: string[] }>;
export type CaseErased = Event<'CaseErased', { reason: string }>;

/** Every fact a case stream can hold. Switches over it end in `assertNever`. */
export type CaseEvent =
  | CaseOpened
  | IdentityCorrected
  | NameVariantsAdded
  | LawyerAssigned
  | LawyerUnassigned
  | DetentionRecorded
  | WhereaboutsUnknownReported
  | DetaineeTransferred
  | ChargeBrought
  | ChargeRequalified
  | ChargeDropped
  | AdministrativeSanctionImposed
  | HearingScheduled
  | HearingRescheduled
  | HearingCancelled
  | HearingHeld
  | PreventiveMeasureImposed
  | PreventiveMeasureExtended
  | ReleasedToHouseArrest
  | Released
  | AccessDenied
  | AccessGranted
  | TortureAllegationRecorded
  | ComplaintFiled
  | ComplaintAnswered
  | ComplainantPressured
  | PressureReported
  | ComplaintWithdrawn
  | MedicalFactRecorded
  | VerdictDelivered
  | DeathRecorded
  | NoteAdded
  | FactRetracted
  | CaseLinked
  | CaseClosed
  | CaseReopened
  | MergeRequested
  | DuplicateMerged
  | CaseErased;

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/**
 * The schema version each event type is written with today. Bump it when a type's data
 * changes shape, and add an upcaster for the old version in `upcast.ts`.
 */
export const CASE_EVENT_SCHEMA_VERSIONS: Readonly<Record<CaseEventType, number>> = {
  CaseOpened: 1,
  IdentityCorrected: 1,
  NameVariantsAdded: 1,
  LawyerAssigned: 1,
  LawyerUnassigned: 1,
  DetentionRecorded: 1,
  WhereaboutsUnknownReported: 1,
  DetaineeTransferred: 1,
  ChargeBrought: 1,
  ChargeRequalified: 1,
  ChargeDropped: 1,
  AdministrativeSanctionImposed: 1,
  HearingScheduled: 1,
  HearingRescheduled: 1,
  HearingCancelled: 1,
  HearingHeld: 1,
  PreventiveMeasureImposed: 1,
  PreventiveMeasureExtended: 1,
  ReleasedToHouseArrest: 1,
  Released: 1,
  AccessDenied: 1,
  AccessGranted: 1,
  TortureAllegationRecorded: 1,
  ComplaintFiled: 1,
  ComplaintAnswered: 1,
  ComplainantPressured: 1,
  PressureReported: 1,
  ComplaintWithdrawn: 1,
  MedicalFactRecorded: 1,
  VerdictDelivered: 1,
  DeathRecorded: 1,
  NoteAdded: 1,
  FactRetracted: 1,
  CaseLinked: 1,
  CaseClosed: 1,
  CaseReopened: 1,
  MergeRequested: 1,
  DuplicateMerged: 1,
  CaseErased: 1,
};

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.prototype.hasOwnProperty.call(CASE_EVENT_SCHEMA_VERSIONS, type);
}

/** What the stream knows about a fact besides its data: identity, position in the stream, both times, author. */
export interface FactMeta {
  eventId: string;
  version: number;
  occurredAt: Instant;
  occurredAtPrecision: OccurredAtPrecision;
  /** With precision `day`, `month` or `year`: the date the writer meant, in their own calendar (see values/time.ts). */
  occurredOn?: CalendarPeriod;
  recordedAt: Instant;
  actorId: string;
  actorRole: RecorderRole;
}

/** A recorded fact: the event together with its stream metadata. This is what `evolve` folds. */
export interface CaseFact<E extends CaseEvent = CaseEvent> {
  event: E;
  meta: FactMeta;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
