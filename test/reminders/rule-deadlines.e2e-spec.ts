import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { SmtpSink } from './support/smtp-sink';
import {
  eventually,
  forgetRedisKeys,
  openCase,
  person,
  type Person,
  reminderLog,
  reminderLogAfterDelivery,
  startReminderApp,
  write,
} from './support/reminder-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** RULE_SETS=kz: the deadlines of rules/kz.json drive the reminders (lawyers also MEASURE_REMINDER_OFFSETS=3s before). */
describe('reminders by the rules of Kazakhstan (RULE_SETS=kz)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let coordinator: Person;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startReminderApp(smtp.url, { RULE_SETS: 'kz' });
    coordinator = await person(t.http, 'coordinator', 'rules-coord');
  });

  afterAll(async () => {
    await t.close();
    await forgetRedisKeys(t.config.redisPrefix);
    await smtp.close();
  });

  it('a one-month detention: the extension request deadline (a day before its end) reaches the lawyer once per offset, and a later write to the case sends nothing again', async () => {
    const lawyer = await person(t.http, 'lawyer', 'rules-lawyer-a');
    const caseId = await openCase(t.http, lawyer.token, 'Arman Zholatov');
    const imposed = Date.now();
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: new Date(imposed - HOUR).toISOString(),
    });
    // The request is due one day before the term ends: 6 seconds from now.
    const due = imposed + 6_000;
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/preventive-measures`, {
      measure: 'pretrial_detention',
      until: new Date(due + DAY).toISOString(),
      occurredAt: new Date(imposed).toISOString(),
    });

    await smtp.waitFor(() => smtp.to(lawyer.email).length >= 2, 20_000, 'two extension reminders');
    const mails = smtp.to(lawyer.email).sort((a, b) => a.receivedAt - b.receivedAt);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toBe("Last day for the prosecutor's request to extend detention: A. Z.");
      expect(mail.text).toContain(
        'Source: Criminal Procedure Code, art. 151 part 2, https://adilet.zan.kz/eng/docs/K1400000231',
      );
      expect(mail.text).toContain(`https://casetrack.test/cases/${caseId}`);
    }
    expect(mails[0].receivedAt).toBeGreaterThan(due - 3_000 - 250);
    expect(mails[1].receivedAt).toBeGreaterThan(due - 250);

    const sent = (await reminderLogAfterDelivery(t.http, lawyer.token, `?caseId=${caseId}&status=sent`, 2)).filter(
      (item) => item.kind === 'rule_deadline',
    );
    expect(sent.map((item) => [item.status, item.attempts, item.recipientId])).toEqual([
      ['sent', 1, lawyer.id],
      ['sent', 1, lawyer.id],
    ]);
    // The measure replaced the fixed measure-ending reminders; the court-decision deadlines were settled by it.
    const log = await reminderLog(t.http, lawyer.token, `?caseId=${caseId}`);
    expect(log.filter((item) => item.kind === 'measure_ending')).toEqual([]);

    // Another fact on the case derives its reminders again: the sent rows stay sent, nothing is queued again.
    const note = await write(t.http, lawyer.token, `/v1/cases/${caseId}/notes`, { text: 'visited the client' });
    const after = await request(t.http)
      .get(`/v1/reminders?caseId=${caseId}`)
      .set('Authorization', `Bearer ${lawyer.token}`)
      .set('X-Min-Position', String(note.position))
      .expect(200);
    const again = (after.body.items as typeof log).filter((item) => item.kind === 'rule_deadline');
    expect(
      again
        .filter((item) => item.status === 'sent')
        .map((item) => item.reminderId)
        .sort(),
    ).toEqual(sent.map((item) => item.reminderId).sort());
    expect(again.filter((item) => item.dueAt <= new Date(due).toISOString() && item.status !== 'sent')).toEqual([]);
  });

  it('a detention with no court decision: the coordinators are told when 72 hours pass', async () => {
    const lawyer = await person(t.http, 'lawyer', 'rules-lawyer-b');
    const caseId = await openCase(t.http, lawyer.token, 'Dana Ospanova');
    const passes = Date.now() + 4_000;
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: new Date(passes - 72 * HOUR).toISOString(),
    });

    await smtp.waitFor(() => smtp.to(coordinator.email).some((mail) => mail.text.includes(caseId)), 20_000);
    const [mail] = smtp.to(coordinator.email).filter((m) => m.text.includes(caseId));
    expect(mail.subject).toBe('Held 72 hours without a court decision: D. O.');
    expect(mail.text).toContain('Criminal Procedure Code, art. 131 part 4');
    expect(mail.receivedAt).toBeGreaterThan(passes - 250);

    // The 48 hours had passed before anyone recorded the detention: no row for the lawyer of a deadline already gone.
    let log: Awaited<ReturnType<typeof reminderLog>> = [];
    await eventually(async () => {
      log = await reminderLog(t.http, coordinator.token, `?caseId=${caseId}`);
      return log.some((item) => item.kind === 'rule_deadline' && item.status === 'sent');
    });
    expect(
      log.filter((item) => item.kind === 'rule_deadline').map((item) => [item.recipientId, item.status, item.attempts]),
    ).toEqual([[coordinator.id, 'sent', 1]]);
  });
});
