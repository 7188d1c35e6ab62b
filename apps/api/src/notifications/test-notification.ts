import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { localeOr, message } from '@casetrack/i18n';
import {
  EmailChannel,
  errorCode,
  type OutgoingReminder,
  type Recipient,
  type ReminderChannel,
  WebhookChannel,
} from '@casetrack/reminders';

export type ChannelName = 'email' | 'webhook';

/** What happened on one channel: sent, failed with a delivery code, or not set up. */
export interface ChannelResult {
  channel: ChannelName;
  address: string | null;
  status: 'sent' | 'failed' | 'not_set';
  /** The delivery code when it failed (SMTP_550, WEBHOOK_HTTP_404, WEBHOOK_ADDRESS_FORBIDDEN...). */
  error: string | null;
}

export interface TestRecipient {
  id: string;
  email: string;
  notificationEmail: string | null;
  webhookUrl: string | null;
  locale: string;
}

/**
 * A test message on the user's channels, now, through the same channels that deliver reminders (SMTP with its TLS
 * rules, the signed webhook with its address guard), so a success means reminders will arrive. Its text is from the
 * catalogue alone; it names no case and no person.
 */
@Injectable()
export class TestNotification {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(user: TestRecipient): Promise<ChannelResult[]> {
    const { delivery } = this.config;
    const locale = localeOr(user.locale);
    const consoleUrl = `${delivery.publicUrl}/`;
    const outgoing: OutgoingReminder = {
      reminderId: randomUUID(),
      kind: 'test',
      caseId: '',
      dueAt: new Date().toISOString(),
      detainee: null,
      message: {
        subject: message(locale, 'reminders.test.subject'),
        text: `${message(locale, 'reminders.test.text', { url: consoleUrl })}\n`,
        caseUrl: consoleUrl,
      },
      details: {},
    };
    const recipient: Recipient = {
      userId: user.id,
      email: user.notificationEmail ?? user.email,
      webhookUrl: user.webhookUrl,
    };
    const email = new EmailChannel(delivery.smtpUrl, delivery.mailFrom, { requireTls: delivery.smtpRequireTls });
    const webhook = new WebhookChannel({ secret: delivery.webhookSecret, allowPrivate: delivery.webhookAllowPrivate });
    try {
      return await Promise.all([
        this.attempt('email', email, recipient, outgoing),
        this.attempt('webhook', webhook, recipient, outgoing),
      ]);
    } finally {
      email.close();
    }
  }

  private async attempt(
    name: ChannelName,
    channel: ReminderChannel,
    recipient: Recipient,
    outgoing: OutgoingReminder,
  ): Promise<ChannelResult> {
    const address = channel.addressOf(recipient);
    if (address === null) return { channel: name, address: null, status: 'not_set', error: null };
    try {
      await channel.send(address, outgoing);
      return { channel: name, address, status: 'sent', error: null };
    } catch (error) {
      return { channel: name, address, status: 'failed', error: errorCode(error) };
    }
  }
}
