import {
  assertNever,
  type CalendarPeriod,
  type CaseEventOf,
  type CaseEventType,
  type CaseFact,
  type Instant,
} from '../events/case-events';
import { foldFacts } from '../state/evolve';
import type {
  CaseSource,
  CaseState,
  Charge,
  Complaint,
  CurrentMeasure,
  Hearing,
  KnownDetainee,
} from '../state/case-state';
import type { OccurredAtPrecision, RecorderRole } from '../values/vocabularies';
import { toMillis } from '../values/time';
import { EVERY_CONSENT, isReadable, NAMED_DOCUMENT_CONSENTS, withholdTestimony } from './consent';
import { retractionsOf } from './retractions';

/** One recorded fact as the dossier shows it: what was stated, when it happened, when and by whom it was recorded. */
export interface DossierRecordOf<T extends CaseEventType> {
  eventId: string;
  version: number;
  type: T;
  occurredAt: Instant;
  occurredAtPrecision: OccurredAtPrecision;
  /** The writer's day, month or year, with those precisions: shown as is, in no time zone. */
  occurredOn?: CalendarPeriod;
  recordedAt: Instant;
  recordedBy: { id: string; role: RecorderRole };
  data: CaseEventOf<T>['data'];
}

/** A union over the types given, so `switch (record.type)` knows the shape of `record.data`. */
export type DossierRecord<T extends CaseEventType = CaseEventType> = { [K in T]: DossierRecordOf<K> }[T];
type RecordOf<T extends CaseEventType> = DossierRecord<T>;
type ChargeType = 'ChargeBrought' | 'ChargeRequalified' | 'ChargeDropped';
type HearingType = 'HearingScheduled' | 'HearingRescheduled' | 'HearingCancelled' | 'HearingHeld';
type ComplaintType = 'ComplaintFiled' | 'ComplaintAnswered' | 'ComplainantPressured' | 'ComplaintWithdrawn';
export type CustodyType =
  | 'DetentionRecorded'
  | 'WhereaboutsUnknownReported'
  | 'DetaineeTransferred'
  | 'PreventiveMeasureImposed'
  | 'PreventiveMeasureExtended'
  | 'ReleasedToHouseArrest'
  | 'Released';

export type DossierCharge = Omit<Charge, 'previousQualifications'> & { records: RecordOf<ChargeType>[] };
export type DossierHearing = Hearing & { records: RecordOf<HearingType>[] };
export type DossierComplaint = Omit<Complaint, 'pressure'> & {
  /**
   * The allegation it is about is left out of this dossier (internal only or anonymised); the complaint stays, its
   * typed values read as withheld.
   */
  allegationWithheld: boolean;
  records: RecordOf<ComplaintType>[];
};

export interface DossierRetraction {
  retracted: {
    eventId: string;
    version: number;
    type: CaseEventType;
    occurredAt: Instant;
    occurredAtPrecision: OccurredAtPrecision;
    occurredOn?: CalendarPeriod;
    recordedAt: Instant;
  };
  retraction: RecordOf<'FactRetracted'>;
}

/**
 * The case dossier as a plain document: every counting fact of the case exactly once, in the section it belongs to,
 * each section in the order things happened. Retracted facts are not in the sections (they no longer count) but
 * are listed with their retraction, so the reader sees that something was stated and withdrawn, and why.
 */
export interface CaseDossier {
  format: 'casetrack-dossier/1';
  caseId: string;
  generatedAt: Instant;
  includesInternal: boolean;
  /** The person as known now (the intake corrected and completed since); `record` is the opening fact. */
  detainee: (KnownDetainee & { source: CaseSource | null; record: RecordOf<'CaseOpened'> }) | null;
  /** Corrections of who the person is and more spellings of their name: the earlier values stay readable here. */
  identity: RecordOf<'IdentityCorrected' | 'NameVariantsAdded'>[];
  situation: {
    status: CaseState['status'];
    closed: boolean;
    heldAs: CaseState['heldAs'];
    currentFacility: CaseState['currentFacility'];
    measure: CurrentMeasure | null;
    releasedAt: Instant | null;
    /** When the person was released, with the precision it is known with. */
    release: CaseState['release'];
  };
  lawyers: {
    current: Array<{ lawyerId: string; role: string }>;
    records: RecordOf<'LawyerAssigned' | 'LawyerUnassigned'>[];
  };
  custody: RecordOf<CustodyType>[];
  charges: DossierCharge[];
  administrativeSanctions: RecordOf<'AdministrativeSanctionImposed'>[];
  hearings: DossierHearing[];
  allegations: RecordOf<'TortureAllegationRecorded'>[];
  complaints: DossierComplaint[];
  /** Denials and the grants that ended them, in the order they occurred. */
  accessDenials: RecordOf<'AccessDenied' | 'AccessGranted'>[];
  /** Pressure on the detainee or family not tied to one complaint. */
  pressure: RecordOf<'PressureReported'>[];
  medical: RecordOf<'MedicalFactRecorded'>[];
  verdict: RecordOf<'VerdictDelivered'> | null;
  death: RecordOf<'DeathRecorded'> | null;
  notes: RecordOf<'NoteAdded'>[];
  /** Other cases this one was linked to (relatives, co-detainees...), with the note on each link. */
  links: RecordOf<'CaseLinked'>[];
  lifecycle: RecordOf<'CaseClosed' | 'CaseReopened' | 'CaseErased' | 'MergeRequested' | 'DuplicateMerged'>[];
  retractions: DossierRetraction[];
  /** What was left out, so that the reader knows the dossier is partial. */
  withheld: { internalAllegations: number; anonymisedAllegations: number };
}

export interface DossierOptions {
  caseId: string;
  generatedAt: Instant;
  /**
   * Include allegations recorded with consent `internal_only` or `anonymised` (a coordinator's decision): the dossier
   * is then for use inside the organisation. Without it only testimony given for full use is in this named dossier.
   */
  includeInternal: boolean;
}

/** Assembles the dossier from a case's facts in stream order. Pure: the caller brings the time and the facts. */
export function assembleDossier(recorded: readonly CaseFact[], options: DossierOptions): CaseDossier {
  const readable = options.includeInternal ? EVERY_CONSENT : NAMED_DOCUMENT_CONSENTS;
  const facts = withholdTestimony(recorded, readable);
  const state = foldFacts(facts);
  const retractions = retractionsOf(facts);
  const withheld = facts.filter(isAllegation).filter((f) => !isReadable(f.event.data.consent, readable));
  const withheldIds = new Set(withheld.map((f) => f.meta.eventId));
  const withheldAllegationIds = new Set(withheld.map((f) => f.event.data.allegationId));
  const counting = chronological(
    facts.filter((f) => f.event.type !== 'FactRetracted' && !retractions.has(f.meta.eventId)),
  );
  const dossier = emptyDossier(state, options);
  const byId = <T extends { records: unknown[] }>(items: Map<string, T>, id: string): T['records'] | null =>
    items.get(id)?.records ?? null;
  const charges = new Map(Object.values(state.charges).map((c) => [c.chargeId, toCharge(c)]));
  const hearings = new Map<string, DossierHearing>(
    Object.values(state.hearings).map((h) => [h.hearingId, { ...h, records: [] }]),
  );
  const complaints = new Map(
    Object.values(state.complaints).map((c) => [c.complaintId, toComplaint(c, withheldAllegationIds)]),
  );

  for (const fact of counting) {
    if (withheldIds.has(fact.meta.eventId)) continue;
    const record = toRecord(fact);
    const { event } = fact;
    switch (event.type) {
      case 'CaseOpened':
        dossier.detainee = {
          ...(state.detainee ?? event.data.detainee),
          source: state.source,
          record: record as RecordOf<'CaseOpened'>,
        };
        break;
      case 'IdentityCorrected':
      case 'NameVariantsAdded':
        dossier.identity.push(record as RecordOf<'IdentityCorrected' | 'NameVariantsAdded'>);
        break;
      case 'LawyerAssigned':
      case 'LawyerUnassigned':
        dossier.lawyers.records.push(record as RecordOf<'LawyerAssigned' | 'LawyerUnassigned'>);
        break;
      case 'DetentionRecorded':
      case 'WhereaboutsUnknownReported':
      case 'DetaineeTransferred':
      case 'PreventiveMeasureImposed':
      case 'PreventiveMeasureExtended':
      case 'ReleasedToHouseArrest':
      case 'Released':
        dossier.custody.push(record as RecordOf<CustodyType>);
        break;
      case 'ChargeBrought':
      case 'ChargeRequalified':
      case 'ChargeDropped':
        byId(charges, event.data.chargeId)?.push(record as RecordOf<ChargeType>);
        break;
      case 'AdministrativeSanctionImposed':
        dossier.administrativeSanctions.push(record as RecordOf<'AdministrativeSanctionImposed'>);
        break;
      case 'HearingScheduled':
      case 'HearingRescheduled':
      case 'HearingCancelled':
      case 'HearingHeld':
        byId(hearings, event.data.hearingId)?.push(record as RecordOf<HearingType>);
        break;
      case 'TortureAllegationRecorded':
        dossier.allegations.push(record as RecordOf<'TortureAllegationRecorded'>);
        break;
      case 'ComplaintFiled':
      case 'ComplaintAnswered':
      case 'ComplainantPressured':
      case 'ComplaintWithdrawn':
        byId(complaints, event.data.complaintId)?.push(record as RecordOf<ComplaintType>);
        break;
      case 'AccessDenied':
      case 'AccessGranted':
        dossier.accessDenials.push(record as RecordOf<'AccessDenied' | 'AccessGranted'>);
        break;
      case 'PressureReported':
        dossier.pressure.push(record as RecordOf<'PressureReported'>);
        break;
      case 'MedicalFactRecorded':
        dossier.medical.push(record as RecordOf<'MedicalFactRecorded'>);
        break;
      case 'VerdictDelivered':
        dossier.verdict = record as RecordOf<'VerdictDelivered'>;
        break;
      case 'DeathRecorded':
        dossier.death = record as RecordOf<'DeathRecorded'>;
        break;
      case 'NoteAdded':
        dossier.notes.push(record as RecordOf<'NoteAdded'>);
        break;
      case 'CaseLinked':
        dossier.links.push(record as RecordOf<'CaseLinked'>);
        break;
      case 'CaseClosed':
      case 'CaseReopened':
      case 'CaseErased':
      case 'MergeRequested':
      case 'DuplicateMerged':
        dossier.lifecycle.push(
          record as RecordOf<'CaseClosed' | 'CaseReopened' | 'CaseErased' | 'MergeRequested' | 'DuplicateMerged'>,
        );
        break;
      case 'FactRetracted':
        break;
      default:
        assertNever(event);
    }
  }
  dossier.charges = [...charges.values()].filter((c) => c.records.length > 0);
  dossier.hearings = [...hearings.values()]
    .filter((h) => h.records.length > 0)
    .sort((a, b) => toMillis(a.scheduledAt) - toMillis(b.scheduledAt));
  dossier.complaints = [...complaints.values()].filter((c) => c.records.length > 0);
  dossier.retractions = listRetractions(facts, retractions, withheldIds);
  const anonymised = withheld.filter((f) => f.event.data.consent === 'anonymised').length;
  dossier.withheld = { internalAllegations: withheld.length - anonymised, anonymisedAllegations: anonymised };
  return dossier;
}

function emptyDossier(state: CaseState, options: DossierOptions): CaseDossier {
  return {
    format: 'casetrack-dossier/1',
    caseId: options.caseId,
    generatedAt: options.generatedAt,
    includesInternal: options.includeInternal,
    detainee: null,
    identity: [],
    situation: {
      status: state.status,
      closed: state.closed,
      heldAs: state.heldAs,
      currentFacility: state.currentFacility,
      measure: state.measure,
      releasedAt: state.releasedAt,
      release: state.release,
    },
    lawyers: {
      current: Object.entries(state.lawyers).map(([lawyerId, role]) => ({ lawyerId, role })),
      records: [],
    },
    custody: [],
    charges: [],
    administrativeSanctions: [],
    hearings: [],
    allegations: [],
    complaints: [],
    accessDenials: [],
    pressure: [],
    medical: [],
    verdict: null,
    death: null,
    notes: [],
    links: [],
    lifecycle: [],
    retractions: [],
    withheld: { internalAllegations: 0, anonymisedAllegations: 0 },
  };
}

function toRecord(fact: CaseFact): DossierRecord {
  const { meta, event } = fact;
  // The event's type and data belong together by construction; TypeScript cannot correlate them across the union.
  return {
    eventId: meta.eventId,
    version: meta.version,
    type: event.type,
    occurredAt: meta.occurredAt,
    occurredAtPrecision: meta.occurredAtPrecision,
    ...(meta.occurredOn !== undefined ? { occurredOn: meta.occurredOn } : {}),
    recordedAt: meta.recordedAt,
    recordedBy: { id: meta.actorId, role: meta.actorRole },
    data: event.data,
  } as DossierRecord;
}

function toCharge(charge: Charge): DossierCharge {
  const { previousQualifications: _previous, ...current } = charge;
  return { ...current, records: [] };
}

function toComplaint(complaint: Complaint, withheldAllegationIds: ReadonlySet<string>): DossierComplaint {
  const { pressure: _pressure, ...current } = complaint;
  const allegationWithheld = complaint.allegationId !== undefined && withheldAllegationIds.has(complaint.allegationId);
  return { ...current, allegationWithheld, records: [] };
}

function isAllegation(fact: CaseFact): fact is CaseFact<CaseEventOf<'TortureAllegationRecorded'>> {
  return fact.event.type === 'TortureAllegationRecorded';
}

/** Retractions of withheld facts are withheld with them: listing them would reveal what was left out. */
function listRetractions(
  facts: readonly CaseFact[],
  retractions: ReturnType<typeof retractionsOf>,
  withheldIds: ReadonlySet<string>,
): DossierRetraction[] {
  return chronological(facts.filter((f) => retractions.has(f.meta.eventId) && !withheldIds.has(f.meta.eventId))).map(
    (fact) => {
      const retraction = retractions.get(fact.meta.eventId) as CaseFact<CaseEventOf<'FactRetracted'>>;
      const { eventId, version, occurredAt, occurredAtPrecision, occurredOn, recordedAt } = fact.meta;
      return {
        retracted: {
          eventId,
          version,
          type: fact.event.type,
          occurredAt,
          occurredAtPrecision,
          ...(occurredOn !== undefined ? { occurredOn } : {}),
          recordedAt,
        },
        retraction: toRecord(retraction) as RecordOf<'FactRetracted'>,
      };
    },
  );
}

/** In the order things happened; facts that happened at the same instant in the order they were recorded. */
function chronological(facts: readonly CaseFact[]): CaseFact[] {
  return [...facts].sort(
    (a, b) => toMillis(a.meta.occurredAt) - toMillis(b.meta.occurredAt) || a.meta.version - b.meta.version,
  );
}

export type AnyDossierRecord = DossierRecord;

/**
 * Everyone the dossier names by account, with the role the dossier knows them in: who recorded each fact, and every
 * lawyer assigned or unassigned. The reader looks their names up (a dossier is read by people, who know lawyers by
 * name, not by id). `system` is no account.
 */
export function peopleNamedIn(dossier: CaseDossier): Array<{ id: string; role: RecorderRole }> {
  const records: DossierRecord[] = [
    ...(dossier.detainee ? [dossier.detainee.record] : []),
    ...dossier.identity,
    ...dossier.lawyers.records,
    ...dossier.custody,
    ...dossier.charges.flatMap((charge) => charge.records),
    ...dossier.administrativeSanctions,
    ...dossier.hearings.flatMap((hearing) => hearing.records),
    ...dossier.allegations,
    ...dossier.complaints.flatMap((complaint) => complaint.records),
    ...dossier.accessDenials,
    ...dossier.pressure,
    ...dossier.medical,
    ...(dossier.verdict ? [dossier.verdict] : []),
    ...(dossier.death ? [dossier.death] : []),
    ...dossier.notes,
    ...dossier.links,
    ...dossier.lifecycle,
    ...dossier.retractions.map((retraction) => retraction.retraction),
  ];
  const people = new Map<string, RecorderRole>();
  for (const record of records) people.set(record.recordedBy.id, record.recordedBy.role);
  for (const record of dossier.lawyers.records) people.set(record.data.lawyerId, 'lawyer');
  for (const lawyer of dossier.lawyers.current) people.set(lawyer.lawyerId, 'lawyer');
  people.delete('system');
  return [...people].sort(([a], [b]) => a.localeCompare(b)).map(([id, role]) => ({ id, role }));
}
