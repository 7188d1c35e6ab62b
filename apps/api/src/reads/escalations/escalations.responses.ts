import { ApiSchema } from '@nestjs/swagger';
import { ESCALATION_REASONS } from '@casetrack/read-model';
import { Id, Nested, OneOf, PageOf, Text, Time } from '../../openapi/schema-properties';
import { DeadlineSchema } from '../deadlines/deadline.responses';

@ApiSchema({ name: 'Escalation', description: 'A case waiting for a coordinator, and why' })
export class EscalationSchema {
  @Id()
  caseId!: string;

  @Text()
  fullName!: string;

  @Text({ nullable: true, description: 'Null when unknown' })
  city!: string | null;

  @OneOf('EscalationReason', ESCALATION_REASONS, {
    description:
      'unlocated: nobody knows where the person is; no_lawyer: in custody with no lawyer assigned; term_ended: ' +
      'an administrative arrest ended and no release is recorded; rule_deadline: a deadline of the rule sets that ' +
      'the coordinators watch passed, e.g. held 72 hours without a court decision (see deadline)',
  })
  reason!: string;

  @Time({
    description: 'Since when it waits (for term_ended: when the term ended; for rule_deadline: when it was due)',
  })
  since!: string;

  @Nested(() => DeadlineSchema, {
    required: false,
    description: 'For rule_deadline: the deadline, its name and source',
  })
  deadline?: DeadlineSchema;
}

export const EscalationPageSchema = PageOf(() => EscalationSchema, 'EscalationPage');
