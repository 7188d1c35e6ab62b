import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Count, everyValue, Nested, Text } from '../openapi/schema-properties';
import type { Check, HealthReason, HealthVerdict } from './health-checks';

const VERDICTS = everyValue<HealthVerdict['status']>()(['ok', 'degraded', 'down']);
const CHECK_STATUSES = everyValue<Check['status']>()(['up', 'down', 'degraded']);
const REASONS = everyValue<HealthReason>()([
  'DATABASE_DOWN',
  'EVENT_STORE_DOWN',
  'REDIS_DOWN',
  'PROJECTOR_LAGGING',
  'EVENTS_QUARANTINED',
]);

@ApiSchema({ name: 'ProjectorLag' })
export class ProjectorLagSchema {
  @Count({ description: 'The position of the last event the read models include' })
  checkpoint!: number;

  @Count({ description: 'Events after the checkpoint (counted up to a limit)' })
  events!: number;

  @ApiProperty({ type: Number, minimum: 0, description: 'Age of the oldest event not yet projected' })
  seconds!: number;

  @Count({ description: 'Cases held at an event the projector could not apply' })
  quarantined!: number;
}

@ApiSchema({ name: 'HealthCheck', description: 'Latency, error and lag only for a signed-in admin' })
export class HealthCheckSchema {
  @Text({ enum: [...CHECK_STATUSES] })
  status!: string;

  @Count({ required: false })
  latencyMs?: number;

  @Text({ required: false, description: 'Names hosts and ports: admins only' })
  error?: string;

  @Nested(() => ProjectorLagSchema, { required: false })
  lag?: ProjectorLagSchema;
}

@ApiSchema({ name: 'HealthChecks' })
export class HealthChecksSchema {
  @Nested(() => HealthCheckSchema)
  database!: HealthCheckSchema;

  @Nested(() => HealthCheckSchema)
  eventStore!: HealthCheckSchema;

  @Nested(() => HealthCheckSchema)
  redis!: HealthCheckSchema;

  @Nested(() => HealthCheckSchema)
  projector!: HealthCheckSchema;
}

@ApiSchema({ name: 'ReminderQueueCounts', description: 'Jobs of the reminder queue by state' })
export class ReminderQueueCountsSchema {
  @Count({ description: 'Due, not yet taken by a worker' })
  waiting!: number;

  @Count({ description: 'Being delivered' })
  active!: number;

  @Count({ description: 'Queued for their due time (or a retry)' })
  delayed!: number;

  @Count({ description: 'Failed after every attempt' })
  failed!: number;
}

@ApiSchema({ name: 'Health' })
export class HealthSchema {
  @Text({ enum: [...VERDICTS], description: 'down: nothing can be written; degraded: reminders or reads lag' })
  status!: string;

  @Text({ enum: [...REASONS], isArray: true, required: false, description: 'Why it is not ok (admins only)' })
  reasons?: string[];

  @Nested(() => HealthChecksSchema)
  checks!: HealthChecksSchema;

  @Nested(() => ReminderQueueCountsSchema, {
    required: false,
    nullable: true,
    description: 'Admins only; null when Redis does not answer',
  })
  reminderQueue?: ReminderQueueCountsSchema | null;
}
