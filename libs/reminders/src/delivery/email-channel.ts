import { createTransport, type Transporter } from 'nodemailer';
import type { OutgoingReminder, Recipient, ReminderChannel } from './channels';
import { DeliveryError } from './delivery-error';

/**
 * Email over SMTP (SMTP_URL, MAIL_FROM) to the user's notification email, or their account email when unset. The
 * connection upgrades to TLS whenever the server offers STARTTLS; with `requireTls` (production, unless
 * SMTP_ALLOW_PLAIN=true) a server that does not offer it is refused and nothing is sent in plain text.
 */
export class EmailChannel implements ReminderChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    options: { requireTls: boolean } = { requireTls: false },
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
      secure: url.protocol === 'smtps:',
      requireTLS: options.requireTls && url.protocol !== 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  addressOf(recipient: Recipient): string | null {
    return recipient.email;
  }

  async send(address: string, reminder: OutgoingReminder): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: address,
        subject: reminder.message.subject,
        text: reminder.message.text,
        headers: { 'X-Casetrack-Reminder-Id': reminder.reminderId },
      });
    } catch (error) {
      const status = (error as { responseCode?: unknown }).responseCode;
      // 5xx: the server refuses this message for good (unknown mailbox...); anything else may pass later.
      if (typeof status === 'number') throw new DeliveryError(`SMTP_${status}`, status >= 500);
      throw new DeliveryError('SMTP_UNAVAILABLE', false);
    }
  }

  close(): void {
    this.transport.close();
  }
}
