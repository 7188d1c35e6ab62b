import { randomUUID } from 'node:crypto';
import { EmailChannel } from '../../libs/reminders/src/delivery/email-channel';
import { DeliveryError } from '../../libs/reminders/src/delivery/delivery-error';
import type { OutgoingReminder } from '../../libs/reminders/src/delivery/channels';
import { SmtpSink } from './support/smtp-sink';

/**
 * Reminders never cross the network in plain text where the deployment forbids it: in production (unless
 * SMTP_ALLOW_PLAIN=true) a server that offers no STARTTLS gets nothing. The sink is a real SMTP server without it.
 */
describe('SMTP and TLS', () => {
  let sink: SmtpSink;
  const reminder = (): OutgoingReminder => ({
    reminderId: randomUUID(),
    kind: 'hearing',
    caseId: randomUUID(),
    dueAt: new Date().toISOString(),
    detainee: 'A. Z.',
    message: { subject: 'Hearing tomorrow', text: 'A. Z., Almaly district court', caseUrl: 'http://localhost/cases/x' },
    details: {},
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  afterAll(() => sink.close());

  it('refuses a server without STARTTLS when TLS is required, and sends nothing', async () => {
    const channel = new EmailChannel(sink.url, 'casetrack <r@casetrack.test>', { requireTls: true });
    const sending = channel.send('lawyer@casetrack.test', reminder());
    await expect(sending).rejects.toBeInstanceOf(DeliveryError);
    channel.close();
    expect(sink.mails).toEqual([]);
  });

  it('sends in plain text where the deployment allows it', async () => {
    const channel = new EmailChannel(sink.url, 'casetrack <r@casetrack.test>', { requireTls: false });
    const sent = reminder();
    await channel.send('lawyer@casetrack.test', sent);
    channel.close();
    expect(sink.mails).toEqual([expect.objectContaining({ to: 'lawyer@casetrack.test', reminderId: sent.reminderId })]);
  });
});
