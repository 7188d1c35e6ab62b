/**
 * Closed vocabularies shared by events, commands, the HTTP contract and the read models.
 * Each is a readonly tuple so that validators can list the allowed values and
 * TypeScript can derive the literal union from the same source.
 */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const VULNERABILITIES = [
  'minor',
  'disability',
  'chronic_illness',
  'wounded',
  'pregnant',
  'caregiver',
  'elderly',
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

/** What the person is publicly known as: the reason many are detained, and a key of the statistics. */
export const PUBLIC_ROLES = [
  'human_rights_defender',
  'journalist',
  'activist',
  'blogger',
  'lawyer',
  'politician',
  'religious',
  'other',
] as const;
export type PublicRole = (typeof PUBLIC_ROLES)[number];

export const SOURCE_KINDS = ['relative', 'lawyer', 'witness', 'self', 'media', 'ngo'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const LAWYER_ROLES = ['lead', 'support'] as const;
export type LawyerRole = (typeof LAWYER_ROLES)[number];

export const AUTHORITIES = [
  'police',
  'national_guard',
  'security_service',
  'military',
  'special_forces',
  'plain_clothes',
  'unknown',
] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const FACILITY_KINDS = [
  'police_station',
  'temporary_detention',
  'pretrial_detention',
  'hospital',
  'prison',
  'special_detention',
  'other',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const CHARGE_CODES = ['criminal', 'administrative'] as const;
export type ChargeCode = (typeof CHARGE_CODES)[number];

export const SANCTION_KINDS = ['arrest', 'fine', 'warning'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const HEARING_KINDS = [
  'preventive_measure',
  'measure_extension',
  'trial',
  'appeal',
  'complaint_review',
  'other',
] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

/** How precisely a hearing's time is known: a list that gives only its day is `day` (read: no hour is shown). */
export const HEARING_TIME_PRECISIONS = ['exact', 'day'] as const;
export type HearingTimePrecision = (typeof HEARING_TIME_PRECISIONS)[number];

/** What a court decided at a hearing, as the court day records it in one click (see deciders/hearing-decisions.ts). */
export const HEARING_DECISIONS = [
  'detention_ordered',
  'house_arrest',
  'released',
  'postponed',
  'administrative_arrest',
  'fine',
  'other',
] as const;
export type HearingDecisionKind = (typeof HEARING_DECISIONS)[number];

export const MEASURES = ['pretrial_detention', 'house_arrest', 'bail', 'travel_ban', 'recognizance'] as const;
export type Measure = (typeof MEASURES)[number];

export const RELEASE_GROUNDS = [
  'charges_dropped',
  'acquitted',
  'sentence_served',
  'bail',
  'amnesty',
  'administrative_term_served',
  'other',
] as const;
export type ReleaseGrounds = (typeof RELEASE_GROUNDS)[number];

export const ACCESS_DENIED_TO = ['lawyer', 'relatives', 'doctor'] as const;
export type AccessDeniedTo = (typeof ACCESS_DENIED_TO)[number];

/** Pressure on the detainee or their family that is not tied to one complaint. */
export const PRESSURE_KINDS = [
  'threat_of_prosecution',
  'threat_to_family',
  'nondisclosure_agreement',
  'forced_withdrawal',
  'surveillance',
  'other',
] as const;
export type PressureKind = (typeof PRESSURE_KINDS)[number];

/** How two cases are related: the same family, held together, one incident, one is a witness for the other. */
export const LINK_RELATIONS = ['relative', 'co_detainee', 'same_incident', 'witness', 'other'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export const TORTURE_METHODS = [
  'beating',
  'electric_shock',
  'suffocation',
  'burns',
  'needles',
  'sexual_violence_threat',
  'stress_positions',
  'cold_exposure',
  'food_water_deprivation',
  'threats_to_family',
  'forced_confession',
  'sexual_violence',
  'forced_nudity',
  'humiliation',
  'medical_care_denied',
  'hooding',
  'waterboarding',
  'other',
] as const;
export type TortureMethod = (typeof TORTURE_METHODS)[number];

export const CONSENTS = ['full', 'anonymised', 'internal_only'] as const;
export type Consent = (typeof CONSENTS)[number];

export const COMPLAINT_BODIES = [
  'prosecutor',
  'anti_corruption_agency',
  'ombudsperson',
  'court',
  'un_body',
  'other',
] as const;
export type ComplaintBody = (typeof COMPLAINT_BODIES)[number];

export const COMPLAINT_OUTCOMES = ['investigation_opened', 'refused', 'forwarded', 'other'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const MEDICAL_KINDS = ['need', 'care_denied', 'hospitalised', 'removed_from_hospital'] as const;
export type MedicalKind = (typeof MEDICAL_KINDS)[number];

export const VERDICT_OUTCOMES = ['convicted', 'acquitted', 'case_closed'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

export const SENTENCE_KINDS = ['imprisonment', 'restricted_freedom', 'fine', 'suspended', 'other'] as const;
export type SentenceKind = (typeof SENTENCE_KINDS)[number];

export const DEATH_CIRCUMSTANCES = ['in_custody', 'shot', 'after_release', 'unknown'] as const;
export type DeathCircumstances = (typeof DEATH_CIRCUMSTANCES)[number];

/** What caused a death, beside where it happened (`circumstances`); several may be known at once. */
export const DEATH_CAUSES = ['shot', 'torture', 'medical_neglect', 'unknown', 'other'] as const;
export type DeathCause = (typeof DEATH_CAUSES)[number];

/**
 * How precisely `occurredAt` is known. `day`, `month` and `year` keep the writer's calendar date (`occurredOn`);
 * `unknown` means "no later than recorded": then `occurredAt` is the bound it was recorded with, never a known time.
 */
export const OCCURRED_AT_PRECISIONS = ['exact', 'day', 'approximate', 'month', 'year', 'unknown'] as const;
export type OccurredAtPrecision = (typeof OCCURRED_AT_PRECISIONS)[number];

export const CASE_STATUSES = [
  'reported',
  'missing',
  'in_police_custody',
  'administrative_arrest',
  'in_pretrial_detention',
  'hospitalised',
  'house_arrest',
  'released',
  'imprisoned',
  'deceased',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ACTOR_ROLES = ['lawyer', 'coordinator', 'auditor', 'admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Who records a fact: a user in their role, or the service itself. `system` is no user's role (no account has it):
 * it records consequences of account changes, such as unassigning a lawyer whose account was disabled.
 */
export type RecorderRole = ActorRole | 'system';
export const SYSTEM_ACTOR: { readonly id: 'system'; readonly role: 'system' } = { id: 'system', role: 'system' };
