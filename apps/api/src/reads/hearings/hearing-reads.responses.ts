import { ApiSchema } from '@nestjs/swagger';
import { HEARING_KINDS } from '@casetrack/domain';
import { Id, OneOf, PageOf, Text, Time } from '../../openapi/schema-properties';
import { HEARING_STATUSES } from '../cases/case-reads.responses';

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

  @OneOf('HearingStatus', HEARING_STATUSES)
  status!: string;
}

export const HearingPageSchema = PageOf(() => CalendarHearingSchema, 'CalendarHearingPage');
