import { ApiSchema } from '@nestjs/swagger';
import { CASE_STATUSES, HEARING_KINDS, HEARING_TIME_PRECISIONS, LAWYER_ROLES } from '@casetrack/domain';
import { Count, Flag, Id, ListOf, Nested, OneOf, PageOf, Text, Time } from '../../openapi/schema-properties';
import { CurrentMeasureSchema, HEARING_STATUSES } from '../cases/case-reads.responses';

@ApiSchema({ name: 'HearingLawyer', description: 'A lawyer on the hearing’s case' })
export class HearingLawyerSchema {
  @Id()
  lawyerId!: string;

  @Text({ nullable: true, description: 'The account’s name; null if the account is gone' })
  name!: string | null;

  @OneOf('LawyerRole', LAWYER_ROLES)
  role!: string;
}

@ApiSchema({ name: 'HeldHearing', description: 'How a held hearing went' })
export class HeldHearingSchema {
  @Text({ description: 'As recorded; a decision at the hearing records its HearingDecisionKind here' })
  outcome!: string;

  @Count({ nullable: true })
  durationMinutes!: number | null;

  @Flag({ nullable: true })
  defendantHeard!: boolean | null;

  @Flag({ nullable: true })
  lawyerPresent!: boolean | null;
}

@ApiSchema({ name: 'CalendarHearing', description: 'A hearing in the calendar, with its case' })
export class CalendarHearingSchema {
  @Id()
  hearingId!: string;

  @Id()
  caseId!: string;

  @Text()
  fullName!: string;

  @OneOf('HearingKind', HEARING_KINDS)
  kind!: string;

  @Text()
  court!: string;

  @Text({ nullable: true })
  judge!: string | null;

  @Time()
  scheduledAt!: string;

  @OneOf('HearingTimePrecision', HEARING_TIME_PRECISIONS, { description: '`day`: only the day is known; no hour' })
  scheduledAtPrecision!: string;

  @OneOf('HearingStatus', HEARING_STATUSES)
  status!: string;

  @ListOf(() => HearingLawyerSchema)
  lawyers!: HearingLawyerSchema[];

  @Nested(() => HeldHearingSchema, { nullable: true, description: 'Once the hearing is held' })
  held!: HeldHearingSchema | null;

  @OneOf('CaseStatus', CASE_STATUSES)
  caseStatus!: string;

  @Nested(() => CurrentMeasureSchema, { nullable: true })
  measure!: CurrentMeasureSchema | null;

  @Count({ description: 'The case’s version, for If-Match on a write from the board' })
  caseVersion!: number;
}

export const HearingPageSchema = PageOf(() => CalendarHearingSchema, 'CalendarHearingPage');

@ApiSchema({ name: 'HearingCourt', description: 'A court sitting in the period' })
export class HearingCourtSchema {
  @Text({ description: 'As most of its hearings spell it; spellings that differ only in case or punctuation are one' })
  court!: string;

  @Count({ description: 'Its hearings in the period, cancelled ones aside' })
  hearings!: number;
}

@ApiSchema({ name: 'HearingCourtList' })
export class HearingCourtListSchema {
  @ListOf(() => HearingCourtSchema)
  items!: HearingCourtSchema[];
}
