import type {
  AccessDeniedTo,
  Authority,
  LinkRelation,
  CaseStatus,
  ChargeCode,
  ComplaintBody,
  ComplaintOutcome,
  Consent,
  DeathCause,
  DeathCircumstances,
  HearingKind,
  HearingTimePrecision,
  LawyerRole,
  Measure,
  MedicalKind,
  PressureKind,
  PublicRole,
  SanctionKind,
  SourceKind,
  TortureMethod,
  VerdictOutcome,
  Vulnerability,
} from '../values/vocabularies';
import type { CaseFact, Detainee, Evidence, Facility, Instant, Sentence } from '../events/case-events';
import type { CalendarPeriod, FactMeta } from '../events/case-events';
import type { OccurredAtPrecision } from '../values/vocabularies';
import { FactIndex } from './fact-index';

export type { KnownFact } from './fact-index';

/**
 * The state of one case, folded from its stream. Plain readonly data (no Map/Set/Date) so that it serialises to JSON
 * as is: the history endpoint returns it. The one exception is the fold's own bookkeeping `factIds`, an index shared
 * between states (it serialises as the record it stands for, and no reader is shown it).
 *
 * Each entry of what the case holds keeps the `eventId` and `occurredAt` of the fact that created it, so a reader
 * can go from the state back to the timeline.
 */

/** Statuses that mean the person is held by the authorities in some form. */
export const CUSTODY_STATUSES = [
  'in_police_custody',
  'administrative_arrest',
  'in_pretrial_detention',
  'hospitalised',
  'house_arrest',
  'imprisoned',
] as const satisfies readonly CaseStatus[];
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];

/** The legal form of custody, independent of a stay in hospital or of nobody knowing where the person is. */
export type HeldAs = Exclude<CustodyStatus, 'hospitalised'>;

export function isInCustody(status: CaseStatus): status is CustodyStatus {
  return (CUSTODY_STATUSES as readonly CaseStatus[]).includes(status);
}

interface FromFact {
  readonly eventId: string;
  readonly occurredAt: Instant;
  /** How precisely `occurredAt` is known, so that no reader prints an hour or a day that is not known. */
  readonly occurredAtPrecision: OccurredAtPrecision;
  /** The writer's day, month or year, with those precisions. */
  readonly occurredOn?: CalendarPeriod;
}

/** What an entry of the state keeps of the fact that created it: its id and its time, with the time's precision. */
export function fromFact(meta: FactMeta): FromFact {
  return entryOf(meta, {});
}

/** An entry of the state: what `fromFact` keeps, then the fact's data (built at once: the fold makes one per fact). */
export function entryOf<D extends object>(meta: FactMeta, data: D): FromFact & D {
  const { eventId, occurredAt, occurredAtPrecision, occurredOn } = meta;
  return occurredOn === undefined
    ? { eventId, occurredAt, occurredAtPrecision, ...data }
    : { eventId, occurredAt, occurredAtPrecision, occurredOn, ...data };
}

export interface CaseSource {
  readonly kind: SourceKind;
  readonly reference?: string;
}

/** `city` and `place` absent: not known (a witness saw the person taken, not where). */
export interface Detention extends FromFact {
  readonly city?: string;
  readonly place?: string;
  readonly authority: Authority;
  readonly circumstances?: string;
  readonly injuries?: string;
}

export interface Transfer extends FromFact {
  readonly facility: Facility;
}

export interface Qualification {
  /** Absent: the article is not known yet. */
  readonly article?: string;
  readonly part?: string;
  readonly title?: string;
}

export type ChargeStatus = 'active' | 'dropped';

export interface Charge extends Qualification {
  readonly chargeId: string;
  readonly code: ChargeCode;
  readonly status: ChargeStatus;
  readonly broughtAt: Instant;
  /** Earlier qualifications, oldest first; the current one is on the charge itself. */
  readonly previousQualifications: readonly Qualification[];
  readonly droppedAt?: Instant;
  readonly droppedReason?: string;
}

export interface AdministrativeSanction extends FromFact {
  readonly kind: SanctionKind;
  readonly days?: number;
  readonly amount?: number;
  readonly currency?: string;
}

export type HearingStatus = 'scheduled' | 'cancelled' | 'held';

export interface Hearing {
  readonly hearingId: string;
  readonly kind: HearingKind;
  readonly court: string;
  readonly judge?: string;
  readonly scheduledAt: Instant;
  /** Absent: exact. */
  readonly scheduledAtPrecision?: HearingTimePrecision;
  readonly location?: string;
  readonly status: HearingStatus;
  /** Dates it was moved away from, oldest first. */
  readonly previousScheduledAt: readonly Instant[];
  readonly cancelReason?: string;
  readonly outcome?: string;
  readonly durationMinutes?: number;
  readonly defendantHeard?: boolean;
  readonly lawyerPresent?: boolean;
  readonly notes?: string;
}

export interface CurrentMeasure {
  readonly measure: Measure;
  /** `null`: imposed without an end date. */
  readonly until: Instant | null;
  readonly since: Instant;
  readonly hearingId?: string;
}

export type MeasureChangeKind = 'imposed' | 'extended' | 'released_to_house_arrest' | 'ended';

export interface MeasureChange extends FromFact {
  readonly change: MeasureChangeKind;
  readonly measure: Measure;
  readonly until: Instant | null;
  readonly hearingId?: string;
}

export interface TortureAllegation extends FromFact {
  readonly allegationId: string;
  readonly periodFrom: Instant;
  readonly periodTo?: Instant;
  readonly facility?: string;
  readonly methods: readonly TortureMethod[];
  readonly perpetrators?: string;
  readonly injuries?: string;
  readonly witnesses?: string;
  readonly evidence: readonly Evidence[];
  readonly consent: Consent;
  readonly account?: string;
}

export type ComplaintStatus = 'awaiting' | 'answered' | 'withdrawn';

export interface ComplainantPressure extends FromFact {
  readonly by?: string;
  readonly details: string;
}

export interface Complaint {
  readonly complaintId: string;
  readonly allegationId?: string;
  readonly filedWith: ComplaintBody;
  readonly reference?: string;
  readonly responseDueAt?: Instant;
  readonly filedAt: Instant;
  readonly status: ComplaintStatus;
  readonly response?: {
    readonly outcome: ComplaintOutcome;
    readonly reference?: string;
    readonly note?: string;
    readonly answeredAt: Instant;
  };
  readonly withdrawal?: { readonly reason: string; readonly withdrawnAt: Instant };
  readonly pressure: readonly ComplainantPressure[];
}

export interface AccessDenial extends FromFact {
  readonly who: AccessDeniedTo;
  readonly by?: string;
  readonly details?: string;
  /** When access was granted again (the first grant to `who` at or after the denial); absent while it lasts. */
  readonly until?: Instant;
  /** The precision of `until` (the grant's own), and the writer's day, month or year with those precisions. */
  readonly untilPrecision?: OccurredAtPrecision;
  readonly untilOn?: CalendarPeriod;
}

export interface AccessGrant extends FromFact {
  readonly who: AccessDeniedTo;
}

/** Pressure on the detainee or family not tied to one complaint. */
export interface PressureReport extends FromFact {
  readonly by?: string;
  readonly details: string;
  readonly kind?: PressureKind;
}

export interface MedicalFact extends FromFact {
  readonly kind: MedicalKind;
  readonly details: string;
}

export interface Verdict extends FromFact {
  readonly outcome: VerdictOutcome;
  readonly sentence?: Sentence;
}

export interface Death extends FromFact {
  readonly circumstances: DeathCircumstances;
  readonly causes?: readonly DeathCause[];
  readonly bodyReleased?: boolean;
  readonly details?: string;
}

export interface Note extends FromFact {
  readonly text: string;
}

/** A link from this case to another; the other case's own links are the read model's business. */
export interface CaseLink extends FromFact {
  readonly caseId: string;
  readonly relation: LinkRelation;
  readonly note?: string;
}

/** The person as known now: the intake's detainee, corrected and completed since (see identity.ts). */
export interface KnownDetainee extends Detainee {
  /** Known when the full date is not. */
  birthYear?: number;
  occupation?: string;
  publicRoles?: PublicRole[];
}

export interface CaseState {
  readonly exists: boolean;
  readonly detainee: KnownDetainee | null;
  readonly source: CaseSource | null;
  readonly openedAt: Instant | null;
  readonly vulnerabilities: readonly Vulnerability[];
  readonly closed: boolean;
  /** The case's key was destroyed: every sensitive field in this state reads as erased. */
  readonly erased: boolean;
  /** This case is a duplicate merged into that case (closed for good); null while it is a case of its own. */
  readonly mergedInto: string | null;
  /** The duplicates merged into this case: a repeated absorption of one of them appends nothing. */
  readonly mergedDuplicates: readonly string[];
  readonly lawyers: Readonly<Record<string, LawyerRole>>;

  // Derived from status-bearing facts taken in occurredAt order (see evolve.ts).
  readonly status: CaseStatus;
  /** The latest occurredAt among the facts the status was derived from. */
  readonly statusAsOf: Instant | null;
  /** How the person is held (kept while hospitalised or missing); null when free or never held. */
  readonly heldAs: HeldAs | null;
  readonly currentFacility: Facility | null;
  readonly measure: CurrentMeasure | null;
  readonly measureHistory: readonly MeasureChange[];
  /** When the person was last released; ends an administrative arrest early. */
  readonly releasedAt: Instant | null;
  /** The fact that last released them, with the precision its time is known with (readers print no more). */
  readonly release: FromFact | null;

  // What the case holds, in stream order.
  readonly detentions: readonly Detention[];
  readonly transfers: readonly Transfer[];
  readonly charges: Readonly<Record<string, Charge>>;
  readonly administrativeSanctions: readonly AdministrativeSanction[];
  readonly hearings: Readonly<Record<string, Hearing>>;
  readonly allegations: Readonly<Record<string, TortureAllegation>>;
  readonly complaints: Readonly<Record<string, Complaint>>;
  readonly accessDenials: readonly AccessDenial[];
  readonly accessGrants: readonly AccessGrant[];
  readonly pressure: readonly PressureReport[];
  readonly medicalFacts: readonly MedicalFact[];
  readonly verdict: Verdict | null;
  readonly death: Death | null;
  readonly notes: readonly Note[];
  readonly links: readonly CaseLink[];

  // Bookkeeping: every fact seen, retracted or not (shared with the states folded from this one, see fact-index.ts).
  readonly factIds: FactIndex;
  /** Every fact seen, in stream order; kept so that a retraction or late news can refold. */
  readonly facts: readonly CaseFact[];
  /** The highest stream version seen (0 before the first fact). */
  readonly version: number;
}

export const initialCaseState: CaseState = {
  exists: false,
  detainee: null,
  source: null,
  openedAt: null,
  vulnerabilities: [],
  closed: false,
  erased: false,
  mergedInto: null,
  mergedDuplicates: [],
  lawyers: {},
  status: 'reported',
  statusAsOf: null,
  heldAs: null,
  currentFacility: null,
  measure: null,
  measureHistory: [],
  releasedAt: null,
  release: null,
  detentions: [],
  transfers: [],
  charges: {},
  administrativeSanctions: [],
  hearings: {},
  allegations: {},
  complaints: {},
  accessDenials: [],
  accessGrants: [],
  pressure: [],
  medicalFacts: [],
  verdict: null,
  death: null,
  notes: [],
  links: [],
  factIds: FactIndex.empty,
  facts: [],
  version: 0,
};
