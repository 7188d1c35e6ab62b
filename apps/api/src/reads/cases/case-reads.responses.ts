import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  ACCESS_DENIED_TO,
  AUTHORITIES,
  CASE_STATUSES,
  CHARGE_CODES,
  type ChargeStatus,
  COMPLAINT_BODIES,
  COMPLAINT_OUTCOMES,
  type ComplaintStatus,
  CONSENTS,
  DEATH_CAUSES,
  DEATH_CIRCUMSTANCES,
  FACILITY_KINDS,
  HEARING_KINDS,
  HEARING_TIME_PRECISIONS,
  type HearingStatus,
  LAWYER_ROLES,
  LINK_RELATIONS,
  type MeasureChangeKind,
  MEASURES,
  PUBLIC_ROLES,
  SANCTION_KINDS,
  SENTENCE_KINDS,
  SEXES,
  TORTURE_METHODS,
  VERDICT_OUTCOMES,
  VULNERABILITIES,
} from '@casetrack/domain';
import {
  Count,
  everyValue,
  Flag,
  Id,
  ListOf,
  Nested,
  OneOf,
  PageOf,
  Text,
  Time,
} from '../../openapi/schema-properties';
import { OCCURRED_AT_PRECISIONS } from '@casetrack/domain';
import { DeadlineSchema } from '../deadlines/deadline.responses';

/*
 * The answers of the case reads (libs/read-model's CaseSummary and CaseDetail). Optional values are explicit nulls,
 * so every answer has the same keys.
 */

export const CHARGE_STATUSES = everyValue<ChargeStatus>()(['active', 'dropped']);
export const HEARING_STATUSES = everyValue<HearingStatus>()(['scheduled', 'cancelled', 'held']);
export const COMPLAINT_STATUSES = everyValue<ComplaintStatus>()(['awaiting', 'answered', 'withdrawn']);
const MEASURE_CHANGES = everyValue<MeasureChangeKind>()(['imposed', 'extended', 'released_to_house_arrest', 'ended']);

@ApiSchema({ name: 'Facility' })
export class FacilitySchema {
  @Text({ nullable: true, description: 'Official code such as LA-155/18' })
  code!: string | null;

  @Text({ nullable: true, description: 'Null when only the code is known' })
  name!: string | null;

  @Text()
  city!: string;

  @OneOf('FacilityKind', FACILITY_KINDS)
  kind!: string;
}

@ApiSchema({ name: 'Charge' })
export class ChargeSchema {
  @Id()
  chargeId!: string;

  @OneOf('ChargeCode', CHARGE_CODES)
  code!: string;

  @Text({ nullable: true, description: 'Null when not known yet' })
  article!: string | null;

  @Text({ nullable: true })
  part!: string | null;

  @Text({ nullable: true })
  title!: string | null;

  @OneOf('ChargeStatus', CHARGE_STATUSES)
  status!: string;
}

@ApiSchema({ name: 'CaseLawyer' })
export class CaseLawyerSchema {
  @Id()
  lawyerId!: string;

  @OneOf('LawyerRole', LAWYER_ROLES)
  role!: string;
}

@ApiSchema({ name: 'CurrentMeasure' })
export class CurrentMeasureSchema {
  @OneOf('Measure', MEASURES)
  measure!: string;

  @Time({ nullable: true })
  until!: string | null;
}

@ApiSchema({ name: 'NextHearing' })
export class NextHearingSchema {
  @Id()
  hearingId!: string;

  @OneOf('HearingKind', HEARING_KINDS)
  kind!: string;

  @Text()
  court!: string;

  @Time()
  scheduledAt!: string;

  @OneOf('HearingTimePrecision', HEARING_TIME_PRECISIONS, {
    required: false,
    description:
      '`day`: only the day is known (`scheduledAt` is its midnight in the recorder’s zone), no hour; absent: exact',
  })
  scheduledAtPrecision?: string;
}

@ApiSchema({ name: 'CaseSummary', description: 'A case as the case list shows it' })
export class CaseSummarySchema {
  @Id()
  caseId!: string;

  @Text()
  fullName!: string;

  @ListOf(() => String)
  nameVariants!: string[];

  @Text({ nullable: true, description: 'Null when not known' })
  city!: string | null;

  @OneOf('CaseStatus', CASE_STATUSES)
  status!: string;

  @Flag()
  closed!: boolean;

  @Nested(() => FacilitySchema, { nullable: true })
  currentFacility!: FacilitySchema | null;

  @ListOf(() => ChargeSchema)
  charges!: ChargeSchema[];

  @ListOf(() => CaseLawyerSchema)
  lawyers!: CaseLawyerSchema[];

  @Nested(() => NextHearingSchema, { nullable: true })
  nextHearing!: NextHearingSchema | null;

  @Nested(() => CurrentMeasureSchema, { nullable: true })
  measure!: CurrentMeasureSchema | null;

  @Time({ nullable: true, description: 'An administrative arrest’s start + days; null without one of known length' })
  expectedReleaseAt!: string | null;

  @OneOf('OccurredAtPrecision', OCCURRED_AT_PRECISIONS, {
    nullable: true,
    description: 'The arrest’s precision, which its expected release cannot exceed (unknown: no later than)',
  })
  expectedReleasePrecision!: string | null;

  @Flag({ description: 'The arrest’s term is past and no release is recorded since: a release is never invented' })
  termEnded!: boolean;

  @Count()
  openComplaints!: number;

  @Count()
  tortureAllegations!: number;

  @OneOf('Vulnerability', VULNERABILITIES, { isArray: true })
  vulnerabilities!: string[];

  @OneOf('PublicRole', PUBLIC_ROLES, { isArray: true, description: 'Empty when none is known' })
  publicRoles!: string[];

  @Count({ minimum: 1, description: 'The case stream’s version this summary reflects' })
  version!: number;

  @Time()
  lastRecordedAt!: string;
}

@ApiSchema({ name: 'CaseSummaryPage' })
export class CasePageSchema extends PageOf(() => CaseSummarySchema, 'CaseSummaryPageBase') {
  @Flag({
    description:
      'False: `total` is exact. True: more than 1,000 cases match, and `total` is the database planner’s estimate ' +
      '(at least 1,001), which costs no counting of every row',
  })
  totalIsEstimate!: boolean;
}

@ApiSchema({ name: 'Hearing' })
export class HearingSchema extends NextHearingSchema {
  @Text({ nullable: true })
  judge!: string | null;

  @Text({ nullable: true })
  location!: string | null;

  @OneOf('HearingTimePrecision', HEARING_TIME_PRECISIONS, {
    required: false,
    description: '`day`: only the day is known, no hour; absent (hearings read before it existed): exact',
  })
  override scheduledAtPrecision?: string;

  @OneOf('HearingStatus', HEARING_STATUSES)
  status!: string;

  @Time({ isArray: true, description: 'Earlier times it was scheduled for, oldest first' })
  previousScheduledAt!: string[];

  @Text({ nullable: true })
  outcome!: string | null;

  @Count({ nullable: true })
  durationMinutes!: number | null;

  @Flag({ nullable: true })
  defendantHeard!: boolean | null;

  @Flag({ nullable: true })
  lawyerPresent!: boolean | null;
}

/** A complaint's fields, shared by the case detail and the complaints list. */
export class ComplaintFieldsSchema {
  @Id()
  complaintId!: string;

  @Id({ nullable: true, description: 'The torture allegation it is about' })
  allegationId!: string | null;

  @OneOf('ComplaintBody', COMPLAINT_BODIES)
  filedWith!: string;

  @Text({ nullable: true })
  reference!: string | null;

  @OneOf('ComplaintStatus', COMPLAINT_STATUSES)
  status!: string;

  @Time()
  filedAt!: string;

  @Time({ nullable: true })
  responseDueAt!: string | null;

  @OneOf('ComplaintOutcome', COMPLAINT_OUTCOMES, { nullable: true })
  outcome!: string | null;

  @Time({ nullable: true })
  answeredAt!: string | null;

  @Time({ nullable: true })
  withdrawnAt!: string | null;

  @Flag({ description: 'Awaiting an answer past responseDueAt' })
  overdue!: boolean;
}

@ApiSchema({ name: 'Complaint' })
export class ComplaintSchema extends ComplaintFieldsSchema {
  @Count({ description: 'How many times the complainant was pressured (the accounts stay in the stream)' })
  pressureCount!: number;
}

@ApiSchema({ name: 'Allegation', description: 'A torture allegation without its testimony' })
export class AllegationSchema {
  @Id()
  allegationId!: string;

  @Time()
  recordedAsOccurredAt!: string;

  @Time()
  periodFrom!: string;

  @Time({ nullable: true })
  periodTo!: string | null;

  @Text({ nullable: true })
  facility!: string | null;

  @OneOf('TortureMethod', TORTURE_METHODS, { isArray: true })
  methods!: string[];

  @OneOf('Consent', CONSENTS)
  consent!: string;

  @Count()
  evidenceCount!: number;
}

/** When a fact happened, with how precisely that is known: a reader prints no hour and no day it does not have. */
export abstract class DatedFactSchema {
  @Time({ description: 'When it happened; with precision unknown, the bound it happened no later than' })
  occurredAt!: string;

  @OneOf('OccurredAtPrecision', OCCURRED_AT_PRECISIONS)
  occurredAtPrecision!: string;

  @Text({
    nullable: true,
    description: 'With precision day, month or year: the writer’s own date (YYYY-MM-DD, YYYY-MM, YYYY); else null',
  })
  occurredOn!: string | null;
}

@ApiSchema({ name: 'Transfer' })
export class TransferSchema extends DatedFactSchema {
  @Nested(() => FacilitySchema)
  facility!: FacilitySchema;
}

@ApiSchema({ name: 'MeasureChange' })
export class MeasureChangeSchema extends DatedFactSchema {
  @OneOf('MeasureChangeKind', MEASURE_CHANGES)
  change!: string;

  @OneOf('Measure', MEASURES)
  measure!: string;

  @Time({ nullable: true })
  until!: string | null;

  @Id({ nullable: true })
  hearingId!: string | null;
}

@ApiSchema({ name: 'AccessDenial' })
export class AccessDenialSchema extends DatedFactSchema {
  @OneOf('AccessDeniedTo', ACCESS_DENIED_TO)
  who!: string;

  @Text({ nullable: true })
  by!: string | null;

  @Time({ description: 'When the denial began (the same instant as occurredAt)' })
  from!: string;

  @Time({ nullable: true, description: 'When access was granted again; null while the denial lasts' })
  until!: string | null;

  @OneOf('OccurredAtPrecision', OCCURRED_AT_PRECISIONS, { nullable: true })
  untilPrecision!: string | null;

  @Text({ nullable: true, description: 'With untilPrecision day, month or year: the writer’s own date; else null' })
  untilOn!: string | null;
}

@ApiSchema({ name: 'Detention' })
export class DetentionSchema extends DatedFactSchema {
  @Text({ nullable: true, description: 'Null when not known' })
  city!: string | null;

  @Text({ nullable: true, description: 'Null when not known' })
  place!: string | null;

  @OneOf('Authority', AUTHORITIES)
  authority!: string;
}

@ApiSchema({ name: 'AdministrativeSanction' })
export class SanctionSchema extends DatedFactSchema {
  @OneOf('SanctionKind', SANCTION_KINDS)
  kind!: string;

  @Count({ nullable: true })
  days!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  amount!: number | null;

  @Text({ nullable: true, description: 'ISO-4217' })
  currency!: string | null;
}

@ApiSchema({ name: 'Sentence' })
export class SentenceSchema {
  @OneOf('SentenceKind', SENTENCE_KINDS)
  kind!: string;

  @Count({ nullable: true })
  months!: number | null;
}

@ApiSchema({ name: 'Verdict' })
export class VerdictSchema extends DatedFactSchema {
  @OneOf('VerdictOutcome', VERDICT_OUTCOMES)
  outcome!: string;

  @Nested(() => SentenceSchema, { nullable: true })
  sentence!: SentenceSchema | null;
}

@ApiSchema({ name: 'Death' })
export class DeathSchema extends DatedFactSchema {
  @OneOf('DeathCircumstances', DEATH_CIRCUMSTANCES)
  circumstances!: string;

  @OneOf('DeathCause', DEATH_CAUSES, { isArray: true })
  causes!: string[];

  @Flag({ nullable: true })
  bodyReleased!: boolean | null;
}

@ApiSchema({ name: 'CaseLink', description: 'Another case related to this one (the link may be recorded on either)' })
export class CaseLinkSchema {
  @Id()
  caseId!: string;

  @OneOf('LinkRelation', LINK_RELATIONS)
  relation!: string;
}

@ApiSchema({ name: 'CaseDetail', description: 'The case summary with what the case holds' })
export class CaseDetailSchema extends CaseSummarySchema {
  @Text({ format: 'date', nullable: true, description: 'YYYY-MM-DD' })
  birthDate!: string | null;

  @Count({ nullable: true, description: 'The year of birth when the full date is not known' })
  birthYear!: number | null;

  @OneOf('Sex', SEXES, { nullable: true })
  sex!: string | null;

  @Text({ nullable: true, description: 'Null when not known' })
  occupation!: string | null;

  @ListOf(() => HearingSchema)
  hearings!: HearingSchema[];

  @ListOf(() => ComplaintSchema)
  complaints!: ComplaintSchema[];

  @ListOf(() => AllegationSchema)
  allegations!: AllegationSchema[];

  @ListOf(() => TransferSchema)
  transfers!: TransferSchema[];

  @ListOf(() => MeasureChangeSchema)
  measures!: MeasureChangeSchema[];

  @ListOf(() => AccessDenialSchema)
  accessDenials!: AccessDenialSchema[];

  @ListOf(() => DetentionSchema)
  detentions!: DetentionSchema[];

  @ListOf(() => SanctionSchema)
  administrativeSanctions!: SanctionSchema[];

  @Nested(() => VerdictSchema, { nullable: true })
  verdict!: VerdictSchema | null;

  @Nested(() => DeathSchema, { nullable: true })
  death!: DeathSchema | null;

  @ListOf(() => CaseLinkSchema, { description: 'Links to other cases, only to those the reader may see' })
  links!: CaseLinkSchema[];

  @ListOf(() => DeadlineSchema, {
    description:
      "The deadlines of the deployment's rule sets (RULE_SETS) the case has now, soonest first, each with its source",
  })
  deadlines!: DeadlineSchema[];

  @Id({
    nullable: true,
    description: 'The case this one was merged into as a duplicate (it is then closed and left out of lists)',
  })
  mergedInto!: string | null;
}
