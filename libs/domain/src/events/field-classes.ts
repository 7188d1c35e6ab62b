import type { CaseEventOf, CaseEventType } from './case-events';

/**
 * What each free string of an event holds. The contract's rule: every string a person types is sensitive unless it
 * is a vocabulary value, an id, a time, a number, or the name or code of a court or a facility. Strings typed as a
 * closed union of literals are vocabulary values by their type and need no entry here.
 *
 * - `id`: an identifier the system made (a case, event, hearing, lawyer...). A complaint's reference is typed and can
 *   hold anything ("No. 118 by investigator Ivanov"): it is sensitive.
 * - `time`: an ISO instant or calendar date.
 * - `number`: a number written as a string, checked by a pattern: an article or part of a code (`272`, `20.3.1`).
 * - `code`: a code from a fixed external list, checked by a pattern (an ISO-4217 currency).
 * - `court`, `facility`: the name or code of a court or a facility.
 * - `city`: the city of a person or place; it is part of a facility's identity (city + code + name) and the key of
 *   the statistics, so it stays after erasure like the facility it locates.
 * - `sensitive`: anything else; listed in SENSITIVE_FIELDS, sealed at rest and erased with the case's key.
 */
export type FieldClass = 'id' | 'time' | 'number' | 'code' | 'court' | 'facility' | 'city' | 'sensitive';

type Prefixed<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** The value at a path: a plain `string` is a path to classify; literal unions (vocabularies) are not. */
type PathsOfValue<V, P extends string> = V extends string
  ? string extends V
    ? P
    : never
  : V extends readonly (infer Item)[]
    ? PathsOfValue<Item, `${P}[]`>
    : V extends object
      ? StringPaths<V, P>
      : never;

/** Every path to a plain string field of `T`, nested objects as `a.b`, array items as `a[]` or `a[].b`. */
export type StringPaths<T, P extends string = ''> = {
  [K in keyof T & string]-?: PathsOfValue<NonNullable<T[K]>, Prefixed<P, K>>;
}[keyof T & string];

export type FieldClasses = {
  readonly [T in CaseEventType]: Readonly<Record<StringPaths<CaseEventOf<T>['data']>, FieldClass>>;
};

/**
 * The class of every plain string field of every event. Exhaustive by its type: an event type or string field added
 * to case-events.ts without an entry here, or an entry for a field that does not exist, does not compile. The spec
 * checks that the `sensitive` ones are exactly those SENSITIVE_FIELDS seals.
 */
export const FIELD_CLASSES: FieldClasses = {
  CaseOpened: {
    'detainee.fullName': 'sensitive',
    'detainee.nameVariants[]': 'sensitive',
    'detainee.birthDate': 'sensitive',
    'detainee.city': 'city',
    'source.reference': 'sensitive',
  },
  IdentityCorrected: {
    fullName: 'sensitive',
    birthDate: 'sensitive',
    city: 'city',
    occupation: 'sensitive',
  },
  NameVariantsAdded: { 'variants[]': 'sensitive' },
  LawyerAssigned: { lawyerId: 'id' },
  LawyerUnassigned: { lawyerId: 'id', reason: 'sensitive' },
  DetentionRecorded: { city: 'city', place: 'sensitive', circumstances: 'sensitive', injuries: 'sensitive' },
  WhereaboutsUnknownReported: { reportedBy: 'sensitive' },
  DetaineeTransferred: { 'facility.code': 'facility', 'facility.name': 'facility', 'facility.city': 'city' },
  ChargeBrought: { chargeId: 'id', article: 'number', part: 'number', title: 'sensitive' },
  ChargeRequalified: { chargeId: 'id', article: 'number', part: 'number', title: 'sensitive' },
  ChargeDropped: { chargeId: 'id', reason: 'sensitive' },
  AdministrativeSanctionImposed: { currency: 'code' },
  HearingScheduled: {
    hearingId: 'id',
    court: 'court',
    judge: 'sensitive',
    scheduledAt: 'time',
    location: 'sensitive',
  },
  HearingRescheduled: { hearingId: 'id', scheduledAt: 'time', reason: 'sensitive' },
  HearingCancelled: { hearingId: 'id', reason: 'sensitive' },
  HearingHeld: { hearingId: 'id', outcome: 'sensitive', notes: 'sensitive' },
  PreventiveMeasureImposed: { until: 'time', hearingId: 'id' },
  PreventiveMeasureExtended: { until: 'time', hearingId: 'id' },
  ReleasedToHouseArrest: { until: 'time', address: 'sensitive', conditions: 'sensitive' },
  Released: { note: 'sensitive' },
  AccessDenied: { by: 'sensitive', details: 'sensitive' },
  AccessGranted: {},
  TortureAllegationRecorded: {
    allegationId: 'id',
    periodFrom: 'time',
    periodTo: 'time',
    facility: 'facility',
    perpetrators: 'sensitive',
    injuries: 'sensitive',
    witnesses: 'sensitive',
    'evidence[].kind': 'sensitive',
    'evidence[].reference': 'sensitive',
    'evidence[].sha256': 'sensitive',
    account: 'sensitive',
  },
  ComplaintFiled: { complaintId: 'id', allegationId: 'id', reference: 'sensitive', responseDueAt: 'time' },
  ComplaintAnswered: { complaintId: 'id', reference: 'sensitive', note: 'sensitive' },
  ComplainantPressured: { complaintId: 'id', by: 'sensitive', details: 'sensitive' },
  PressureReported: { by: 'sensitive', details: 'sensitive' },
  ComplaintWithdrawn: { complaintId: 'id', reason: 'sensitive' },
  MedicalFactRecorded: { details: 'sensitive' },
  VerdictDelivered: {},
  DeathRecorded: { details: 'sensitive' },
  NoteAdded: { text: 'sensitive' },
  FactRetracted: { eventId: 'id', reason: 'sensitive' },
  CaseLinked: { caseId: 'id', note: 'sensitive' },
  CaseClosed: { reason: 'sensitive' },
  CaseReopened: { reason: 'sensitive' },
  MergeRequested: { intoCaseId: 'id', reason: 'sensitive' },
  DuplicateMerged: { duplicateCaseId: 'id', 'nameVariants[]': 'sensitive' },
  CaseErased: { reason: 'sensitive' },
};
