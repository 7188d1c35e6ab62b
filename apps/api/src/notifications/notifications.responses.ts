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

@ApiSchema({ name: 'TestNotificationChannel', description: 'What the test message did on one channel' })
export class TestNotificationChannelSchema {
  @OneOf('NotificationChannel', ['email', 'webhook'])
  channel!: string;

  @Text({ nullable: true, description: 'Where it went: the email address or the webhook URL; null when not set' })
  address!: string | null;

  @OneOf('TestNotificationStatus', ['sent', 'failed', 'not_set'], {
    description: 'sent: the mail server or the webhook accepted it; failed: see error; not_set: no such channel',
  })
  status!: string;

  @Text({
    nullable: true,
    description: 'Why it failed, as a delivery code (SMTP_550, SMTP_UNAVAILABLE, WEBHOOK_HTTP_404, ...)',
  })
  error!: string | null;
}

@ApiSchema({ name: 'TestNotification' })
export class TestNotificationSchema {
  @ListOf(() => TestNotificationChannelSchema, { description: 'email, then webhook' })
  channels!: TestNotificationChannelSchema[];
}
