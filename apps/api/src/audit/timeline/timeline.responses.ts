import { ApiSchema } from '@nestjs/swagger';
import { CASE_EVENT_TYPES, OCCURRED_AT_PRECISIONS } from '@casetrack/domain';
import { AnyObject, Count, Flag, Id, ListOf, Nested, OneOf, Text, Time } from '../../openapi/schema-properties';

@ApiSchema({ name: 'Actor', description: 'Who recorded a fact, and in which role' })
export class ActorSchema {
  @Text({ description: 'A user id, or `system` for facts the service records itself' })
  id!: string;

  @Text()
  role!: string;
}

/** What the timeline and the dossier say of every recorded fact: which event, and its two times. */
export class RecordedFactSchema {
  @Id()
  eventId!: string;

  @Count({ minimum: 1, description: 'The event’s version in the case stream' })
  version!: number;

  @OneOf('EventType', CASE_EVENT_TYPES)
  type!: string;

  @Time({ description: 'When it happened' })
  occurredAt!: string;

  @Text({
    enum: [...OCCURRED_AT_PRECISIONS],
    description: 'How precisely occurredAt is known; with `unknown`, occurredAt is the bound "no later than"',
  })
  occurredAtPrecision!: string;

  @Text({
    required: false,
    description: 'With precision day, month or year: the writer’s own date (YYYY-MM-DD, YYYY-MM, YYYY), to show as is',
  })
  occurredOn?: string;

  @Time({ description: 'When it was recorded (the server’s time)' })
  recordedAt!: string;

  @AnyObject({ description: 'What the fact states, in the shape of its type (older schema versions upcast)' })
  data!: Record<string, unknown>;
}

@ApiSchema({ name: 'ImportedFrom', description: 'The imported list and the row of its file a fact came from' })
export class ImportedFromSchema {
  @Id()
  importId!: string;

  @Count({ minimum: 1, description: 'The row of the file, numbered as the file shows it (the header is row 1)' })
  row!: number;
}

@ApiSchema({ name: 'TimelineEvent' })
export class TimelineEventSchema extends RecordedFactSchema {
  @Count({ description: 'The event’s global position' })
  position!: number;

  @Nested(() => ActorSchema)
  actor!: ActorSchema;

  @Flag({ description: 'A retraction withdrew this fact: it no longer counts' })
  retracted!: boolean;

  @Id({ required: false, description: 'The retraction that withdrew it, when retracted' })
  retractedBy?: string;

  @Nested(() => ImportedFromSchema, { required: false, description: 'The list and row it was imported from' })
  importedFrom?: ImportedFromSchema;

  @Text({ description: 'The event’s link in the stream’s hash chain' })
  hash!: string;
}

@ApiSchema({ name: 'Timeline' })
export class TimelineSchema {
  @ListOf(() => TimelineEventSchema, { description: 'Every event of the case in stream order' })
  events!: TimelineEventSchema[];
}
