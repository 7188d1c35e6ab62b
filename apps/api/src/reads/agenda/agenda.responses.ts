import { ApiProperty, ApiSchema, getSchemaPath, PickType } from '@nestjs/swagger';
import { COMPLAINT_BODIES, HEARING_TIME_PRECISIONS, MEASURES } from '@casetrack/domain';
import { Id, Nested, OneOf, Text, Time } from '../../openapi/schema-properties';
import { NextHearingSchema } from '../cases/case-reads.responses';
import { DeadlineSchema } from '../deadlines/deadline.responses';

/** What every agenda item has: when, and the case. */
class AgendaItemBase {
  @Time({ description: 'When the deadline falls' })
  at!: string;

  @Id()
  caseId!: string;

  @Text()
  fullName!: string;
}

class AgendaHearing extends PickType(NextHearingSchema, ['hearingId', 'kind', 'court'] as const) {
  @OneOf('HearingTimePrecision', HEARING_TIME_PRECISIONS, {
    description: '`day`: only the day is known (`at` is its midnight in the recorder’s zone); show no hour',
  })
  scheduledAtPrecision!: string;
}

@ApiSchema({
  name: 'AgendaHearingItem',
  description: 'A hearing still scheduled: until its time, or, known to the day only, until its day is over',
})
export class AgendaHearingItemSchema extends AgendaItemBase {
  @Text({ enum: ['hearing'] })
  kind!: 'hearing';

  @Nested(() => AgendaHearing)
  hearing!: AgendaHearing;
}

class AgendaMeasure {
  @OneOf('Measure', MEASURES)
  measure!: string;

  @Time()
  until!: string;
}

@ApiSchema({ name: 'AgendaMeasureItem', description: 'A preventive measure ending' })
export class AgendaMeasureItemSchema extends AgendaItemBase {
  @Text({ enum: ['measure_ends'] })
  kind!: 'measure_ends';

  @Nested(() => AgendaMeasure)
  measure!: AgendaMeasure;
}

class AgendaComplaint {
  @Id()
  complaintId!: string;

  @OneOf('ComplaintBody', COMPLAINT_BODIES)
  filedWith!: string;

  @Time()
  responseDueAt!: string;
}

@ApiSchema({ name: 'AgendaComplaintItem', description: 'A complaint whose answer is due, or overdue' })
export class AgendaComplaintItemSchema extends AgendaItemBase {
  @Text({ enum: ['complaint_due', 'complaint_overdue'] })
  kind!: 'complaint_due' | 'complaint_overdue';

  @Nested(() => AgendaComplaint)
  complaint!: AgendaComplaint;
}

@ApiSchema({
  name: 'AgendaTermEndedItem',
  description: 'An administrative arrest whose term (at: start + days) is past with no release recorded since',
})
export class AgendaTermEndedItemSchema extends AgendaItemBase {
  @Text({ enum: ['term_ended'] })
  kind!: 'term_ended';
}

@ApiSchema({
  name: 'AgendaDeadlineItem',
  description:
    'A deadline by law (RULE_SETS) the lawyers are reminded of (at: when it is due), due in the window or passed ' +
    "and still open, with the rule's name and source",
})
export class AgendaDeadlineItemSchema extends AgendaItemBase {
  @Text({ enum: ['deadline'] })
  kind!: 'deadline';

  @Nested(() => DeadlineSchema)
  deadline!: DeadlineSchema;
}

/** The item schemas the agenda refers to by name. */
export const AGENDA_ITEMS = [
  AgendaHearingItemSchema,
  AgendaMeasureItemSchema,
  AgendaComplaintItemSchema,
  AgendaTermEndedItemSchema,
  AgendaDeadlineItemSchema,
];

@ApiSchema({ name: 'Agenda' })
export class AgendaSchema {
  @ApiProperty({
    type: 'array',
    description: 'Soonest first, at most 500',
    items: {
      oneOf: AGENDA_ITEMS.map((item) => ({
        $ref: getSchemaPath(item),
      })),
    },
  })
  items!: Array<
    | AgendaHearingItemSchema
    | AgendaMeasureItemSchema
    | AgendaComplaintItemSchema
    | AgendaTermEndedItemSchema
    | AgendaDeadlineItemSchema
  >;
}
