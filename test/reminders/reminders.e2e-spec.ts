import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { expectError, expectValidation, get } from '../support/e2e';
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
  WEBHOOK_SECRET,
  write,
} from './support/reminder-app';

/** Offsets in this app: hearings 4s and 2s before, measures 3s before, escalation after 3s. */
describe('reminders end to end: events -> rows -> BullMQ -> SMTP/webhook', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let coordinators: Person[];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startReminderApp(smtp.url);
    coordinators = [await person(t.http, 'coordinator', 'coord1'), await person(t.http, 'coordinator', 'coord2')];
  });

  afterAll(async () => {
    await t.close();
    await forgetRedisKeys(t.config.redisPrefix);
    await smtp.close();
  });

  async function lawyerWithCase(name: string, fullName: string): Promise<{ lawyer: Person; caseId: string }> {
    const lawyer = await person(t.http, 'lawyer', name);
    const caseId = await openCase(t.http, lawyer.token, fullName);
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
    });
    return { lawyer, caseId };
  }

  /** Waits until the projector has written `count` rows for the case (the read model may lag a write). */
  async function rowsOf(token: string, caseId: string, count: number, filter = ''): Promise<void> {
    await eventually(
      async () => {
        const response = await get(t.http, token, `/v1/reminders?caseId=${caseId}${filter}`);
        return response.status === 200 && (response.body.items as unknown[]).length === count;
      },
      10_000,
      `${count} reminder rows`,
    );
  }

  async function scheduleHearing(token: string, caseId: string, at: number, court = 'Almaly district court') {
    const body = await write(t.http, token, `/v1/cases/${caseId}/hearings`, {
      kind: 'preventive_measure',
      court,
      scheduledAt: new Date(at).toISOString(),
    });
    return body.hearingId as string;
  }

  it('a scheduled hearing: each offset arrives on time, in the lawyer zone, naming detainee, court, time and link', async () => {
    const { lawyer, caseId } = await lawyerWithCase('lawyer-a', 'Arman Zholatov');
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/notes`, { text: 'TESTIMONY: beaten at the station' });
    const at = Date.now() + 6_000;
    await scheduleHearing(lawyer.token, caseId, at);

    await smtp.waitFor(() => smtp.to(lawyer.email).length >= 2, 15_000);
    const mails = smtp.to(lawyer.email).sort((a, b) => a.receivedAt - b.receivedAt);
    expect(mails).toHaveLength(2);
    for (const [mail, offset] of [
      [mails[0], 4_000],
      [mails[1], 2_000],
    ] as const) {
      const late = mail.receivedAt - (at - offset);
      expect(late).toBeGreaterThan(-250);
      expect(late).toBeLessThan(2_000);
      // The detainee by initials only (REMINDER_DETAIL is not full), and never anything a person typed.
      expect(mail.text).toContain('A. Z.');
      expect(mail.text).not.toContain('Zholatov');
      expect(mail.text).toContain('Almaly district court');
      expect(mail.text).toContain(`https://casetrack.test/cases/${caseId}`);
      expect(mail.text).toContain('(Asia/Almaty)');
      expect(mail.text).not.toContain('TESTIMONY');
    }
    const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', timeStyle: 'short' }).format(at);
    expect(mails[0].text).toContain(when);

    const log = await reminderLogAfterDelivery(t.http, lawyer.token, `?caseId=${caseId}`, 2);
    expect(log.map((r) => [r.kind, r.status, r.recipientId, r.attempts])).toEqual([
      ['hearing', 'sent', lawyer.id, 1],
      ['hearing', 'sent', lawyer.id, 1],
    ]);
  });

  it('a rescheduled hearing fires at the new time only', async () => {
    const { lawyer, caseId } = await lawyerWithCase('lawyer-b', 'Dana Ospanova');
    const started = Date.now();
    const hearingId = await scheduleHearing(lawyer.token, caseId, started + 8_000);
    await rowsOf(lawyer.token, caseId, 2);
    const moved = started + 12_000;
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/hearings/${hearingId}/reschedule`, {
      scheduledAt: new Date(moved).toISOString(),
    });

    await smtp.waitFor(() => smtp.to(lawyer.email).length >= 2, 20_000);
    const mails = smtp.to(lawyer.email);
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.receivedAt).toBeGreaterThan(moved - 4_000 - 250);
    const log = await reminderLogAfterDelivery(t.http, lawyer.token, `?caseId=${caseId}`, 2);
    expect(log.map((r) => r.status).sort()).toEqual(['cancelled', 'cancelled', 'sent', 'sent']);
  });

  it('a cancelled hearing is never reminded of', async () => {
    const { lawyer, caseId } = await lawyerWithCase('lawyer-c', 'Timur Akhmetov');
    const at = Date.now() + 5_000;
    const hearingId = await scheduleHearing(lawyer.token, caseId, at);
    await rowsOf(lawyer.token, caseId, 2);
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/hearings/${hearingId}/cancel`, { reason: 'judge ill' });
    await rowsOf(lawyer.token, caseId, 2, '&status=cancelled');
    // Past both due times (+1 s and +3 s) with margin: nothing may arrive.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - 1_000 - Date.now())));
    expect(smtp.to(lawyer.email)).toEqual([]);
  });

  it('an unassigned lawyer is no longer reminded; the lead still is', async () => {
    const { lawyer: lead, caseId } = await lawyerWithCase('lawyer-lead', 'Aigerim Nurlanova');
    const support = await person(t.http, 'lawyer', 'lawyer-support');
    await write(t.http, lead.token, `/v1/cases/${caseId}/lawyers`, { lawyerId: support.id, role: 'support' });
    const at = Date.now() + 6_000;
    await scheduleHearing(lead.token, caseId, at);
    await rowsOf(coordinators[0].token, caseId, 4);
    await write(t.http, lead.token, `/v1/cases/${caseId}/lawyers/${support.id}/unassign`, { reason: 'left' });

    await smtp.waitFor(() => smtp.to(lead.email).length >= 2, 15_000);
    expect(smtp.to(lead.email)).toHaveLength(2);
    expect(smtp.to(support.email)).toEqual([]);
    const coordinatorView = await reminderLog(t.http, coordinators[0].token, `?caseId=${caseId}`);
    const bySupport = coordinatorView.filter((r) => r.recipientId === support.id);
    expect(bySupport.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('an extension moves the reminder of the measure ending', async () => {
    const { lawyer, caseId } = await lawyerWithCase('lawyer-d', 'Yerlan Sadykov');
    const started = Date.now();
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/preventive-measures`, {
      measure: 'pretrial_detention',
      until: new Date(started + 5_000).toISOString(),
    });
    await rowsOf(lawyer.token, caseId, 1);
    const extended = started + 8_000;
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/preventive-measures/extend`, {
      until: new Date(extended).toISOString(),
    });
    await smtp.waitFor(() => smtp.to(lawyer.email).length >= 1, 15_000);
    const [mail] = smtp.to(lawyer.email);
    expect(mail.receivedAt).toBeGreaterThan(extended - 3_000 - 250);
    expect(mail.text).toContain('pre-trial detention');
    expect(mail.text).toContain('Y. S.');
    expect(mail.text).not.toContain('Sadykov');
    const log = await reminderLogAfterDelivery(t.http, lawyer.token, `?caseId=${caseId}`, 1);
    expect(log.map((r) => [r.kind, r.status])).toEqual([
      ['measure_ending', 'sent'],
      ['measure_ending', 'cancelled'],
    ]);
  });

  it('missing, or in custody without a lawyer, for ESCALATION_AFTER: every coordinator is alerted', async () => {
    const [c1, c2] = coordinators;
    const missingCase = await openCase(t.http, c1.token, 'Nurlan Missing');
    await write(t.http, c1.token, `/v1/cases/${missingCase}/whereabouts-unknown`, {});
    const custodyCase = await openCase(t.http, c1.token, 'Saule Unrepresented');
    await write(t.http, c1.token, `/v1/cases/${custodyCase}/detention`, {
      city: 'Almaty',
      place: 'Square',
      authority: 'police',
    });
    for (const c of [c1, c2]) await smtp.waitFor(() => smtp.to(c.email).length >= 2, 15_000);
    for (const c of [c1, c2]) {
      const subjects = smtp
        .to(c.email)
        .map((m) => m.subject)
        .sort();
      expect(subjects).toEqual(['No lawyer assigned: S. U.', 'Still missing: N. M.']);
    }
  });

  it('a webhook gets a signed JSON POST that verifies with the secret', async () => {
    const hits: Array<{ body: string; signature: string }> = [];
    const server: Server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['x-casetrack-signature']),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { lawyer, caseId } = await lawyerWithCase('lawyer-hook', 'Marat Webhook');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const settings = await request(t.http)
        .put('/v1/users/me/notifications')
        .set('Authorization', `Bearer ${lawyer.token}`)
        .send({ webhookUrl: url })
        .expect(200);
      expect(settings.body).toEqual({ email: lawyer.email, webhookUrl: url, deliversTo: lawyer.email });
      await scheduleHearing(lawyer.token, caseId, Date.now() + 5_000);

      await eventually(() => hits.length >= 2, 15_000, 'webhook calls');
      await smtp.waitFor(() => smtp.to(lawyer.email).length >= 2, 5_000);
      for (const hit of hits) {
        const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(hit.body).digest('hex')}`;
        expect(hit.signature).toBe(expected);
        const payload = JSON.parse(hit.body) as Record<string, unknown>;
        expect(payload).toMatchObject({ kind: 'hearing', caseId, detainee: 'M. W.' });
        expect(payload.caseUrl).toBe(`https://casetrack.test/cases/${caseId}`);
      }
      expect(new Set(hits.map((h) => (JSON.parse(h.body) as { reminderId: string }).reminderId)).size).toBe(2);
    } finally {
      server.close();
    }
  });

  it('the reminder log: lawyers see their own, coordinators and auditors all, admins nothing', async () => {
    const { lawyer, caseId } = await lawyerWithCase('lawyer-log', 'Log Case');
    await scheduleHearing(lawyer.token, caseId, Date.now() + 3_600_000);
    const other = await person(t.http, 'lawyer', 'lawyer-other');
    const auditor = await person(t.http, 'auditor', 'auditor');
    await rowsOf(lawyer.token, caseId, 2);
    // Due in about an hour: beyond the dispatch horizon, so still pending in PostgreSQL only.
    expect(await reminderLog(t.http, auditor.token, `?caseId=${caseId}&status=pending`)).toHaveLength(2);
    expect(await reminderLog(t.http, other.token)).toEqual([]);
    expectError(await get(t.http, other.token, `/v1/reminders?caseId=${caseId}`), 404, 'NOT_FOUND');
    expectError(
      await get(
        t.http,
        coordinators[0].token,
        `/v1/reminders?caseId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      ),
      404,
      'NOT_FOUND',
    );
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    expectError(await get(t.http, admin, '/v1/reminders'), 403, 'FORBIDDEN');
    expectValidation(await get(t.http, lawyer.token, '/v1/reminders?status=lost'), 'status');
    expectValidation(await get(t.http, lawyer.token, '/v1/reminders?caseId=nope'), 'caseId');
    expectError(await get(t.http, null, '/v1/reminders'), 401, 'UNAUTHENTICATED');
  });

  it('notification settings: http(s) only, null clears', async () => {
    const lawyer = await person(t.http, 'lawyer', 'lawyer-settings');
    const put = (body: unknown) =>
      request(t.http)
        .put('/v1/users/me/notifications')
        .set('Authorization', `Bearer ${lawyer.token}`)
        .send(body as object);
    expectValidation(await put({ webhookUrl: 'ftp://example.org/x' }), 'webhookUrl');
    expectValidation(await put({ webhookUrl: 'https://user:pw@example.org/x' }), 'webhookUrl');
    expectValidation(await put({ email: 'not-an-email' }), 'email');
    expectValidation(await put({ sms: '+7700' }), 'sms');
    const set = await put({ webhookUrl: 'https://hooks.example.org/casetrack' });
    expect(set.status).toBe(200);
    const cleared = await put({ email: null, webhookUrl: null });
    expect(cleared.body).toMatchObject({ email: null, webhookUrl: null });
    expect(cleared.body.deliversTo).toMatch(/@casetrack\.test$/);
  });

  it('Bull Board at /admin/queues: admins only', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const page = await request(t.http).get('/admin/queues').set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<');
    const queues = await request(t.http).get('/admin/queues/api/queues').set('Authorization', `Bearer ${admin}`);
    expect(queues.status).toBe(200);
    // The board opens the deployment's queue under its Redis prefix: it sees the jobs the worker ran above.
    const board = (queues.body as { queues: Array<{ name: string; counts: Record<string, number> }> }).queues;
    const own = board.find((queue) => queue.name === t.config.reminders.queue);
    expect(own?.counts.completed).toBeGreaterThan(0);
    expectError(await get(t.http, coordinators[0].token, '/admin/queues'), 403, 'FORBIDDEN');
    expectError(await get(t.http, null, '/admin/queues/api/queues'), 401, 'UNAUTHENTICATED');
  });
});
