import { ApiSchema } from '@nestjs/swagger';
import { ESCALATION_REASONS } from '@casetrack/read-model';
import { Id, OneOf, PageOf, Text, Time } from '../../openapi/schema-properties';

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
      'an administrative arrest ended and no release is recorded',
  })
  reason!: string;

  @Time({ description: 'Since when it waits (for term_ended: when the term ended)' })
  since!: string;
}

export const EscalationPageSchema = PageOf(() => EscalationSchema, 'EscalationPage');
