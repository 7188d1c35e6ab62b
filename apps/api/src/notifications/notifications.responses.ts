import { ApiSchema } from '@nestjs/swagger';
import { REMINDER_KINDS, REMINDER_STATES } from '@casetrack/reminders';
import { Count, Id, ListOf, OneOf, Text, Time } from '../openapi/schema-properties';

@ApiSchema({ name: 'NotificationSettings' })
export class NotificationSettingsSchema {
  @Text({ format: 'email', nullable: true, description: 'The notification email, or null for the account email' })
  email!: string | null;

  @Text({ nullable: true })
  webhookUrl!: string | null;

  @Text({ format: 'email', description: 'Where reminder emails actually go' })
  deliversTo!: string;
}

@ApiSchema({ name: 'Reminder', description: 'One reminder: what is due, to whom, and whether it was sent' })
export class ReminderSchema {
  @Id()
  reminderId!: string;

  @Id()
  caseId!: string;

  @OneOf('ReminderKind', REMINDER_KINDS)
  kind!: string;

  @Id()
  recipientId!: string;

  @Time()
  dueAt!: string;

  @OneOf('ReminderState', REMINDER_STATES)
  status!: string;

  @Count()
  attempts!: number;

  @Time({ nullable: true })
  sentAt!: string | null;

  @Text({ nullable: true, description: 'Why the last delivery failed' })
  lastError!: string | null;
}

@ApiSchema({ name: 'ReminderLog' })
export class ReminderLogSchema {
  @ListOf(() => ReminderSchema, { description: 'Latest due first, at most 500' })
  items!: ReminderSchema[];
}
