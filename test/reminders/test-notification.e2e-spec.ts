import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { webhookSignature } from '@casetrack/reminders';
import { expectError, fromNow, get, post } from '../support/e2e';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { SmtpSink } from './support/smtp-sink';
import {
  eventually,
  forgetRedisKeys,
  openCase,
  person,
  startReminderApp,
  WEBHOOK_SECRET,
  write,
} from './support/reminder-app';

interface Hook {
  body: string;
  signature: string | undefined;
}

/** A webhook receiver on loopback that answers `status` to every POST and keeps what it got. */
async function receiver(status: number): Promise<{ server: Server; url: string; hooks: Hook[] }> {
  const hooks: Hook[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hooks.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers['x-casetrack-signature'] as string,
      });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hooks };
}

/** A header of RFC 2047 encoded words (`=?UTF-8?B?...?=`, as nodemailer writes non-ASCII subjects) as text. */
function decodeWords(header: string): string {
  const words = [...header.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((m) => Buffer.from(m[1], 'base64'));
  return words.length === 0 ? header : Buffer.concat(words).toString('utf8');
}

describe('a test notification and the reminder queue on /health, through the real SMTP server and Redis', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let ok: Awaited<ReturnType<typeof receiver>>;
  let missing: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startReminderApp(smtp.url);
    ok = await receiver(204);
    missing = await receiver(404);
  });
  afterAll(async () => {
    await t.close();
    await forgetRedisKeys(t.config.redisPrefix);
    await smtp.close();
    ok.server.close();
    missing.server.close();
  });

  it('sends to the email and the webhook now, and says what each did', async () => {
    const lawyer = await person(t.http, 'lawyer', 'tested');
    await request(t.http)
      .put('/v1/users/me/notifications')
      .set('Authorization', `Bearer ${lawyer.token}`)
      .send({ webhookUrl: ok.url })
      .expect(200);
    const response = await post(t.http, lawyer.token, '/v1/users/me/notifications/test');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      channels: [
        { channel: 'email', address: lawyer.email, status: 'sent', error: null },
        { channel: 'webhook', address: ok.url, status: 'sent', error: null },
      ],
    });
    // Answered once the server accepted it: the mail is there already, no waiting.
    const mails = smtp.to(lawyer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('casetrack: test message');
    expect(mails[0].text).toContain('This is a test message from casetrack (https://casetrack.test/)');
    expect(ok.hooks).toHaveLength(1);
    expect(ok.hooks[0].signature).toBe(webhookSignature(WEBHOOK_SECRET, ok.hooks[0].body));
    expect(JSON.parse(ok.hooks[0].body)).toMatchObject({ kind: 'test', subject: 'casetrack: test message' });
  });

  it('says why not: no webhook set, or the webhook refused it', async () => {
    const coordinator = await person(t.http, 'coordinator', 'no-hook');
    const plain = await post(t.http, coordinator.token, '/v1/users/me/notifications/test');
    expect(plain.body.channels).toEqual([
      { channel: 'email', address: coordinator.email, status: 'sent', error: null },
      { channel: 'webhook', address: null, status: 'not_set', error: null },
    ]);

    await request(t.http)
      .put('/v1/users/me/notifications')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .send({ webhookUrl: missing.url })
      .expect(200);
    const refused = await post(t.http, coordinator.token, '/v1/users/me/notifications/test');
    expect(refused.body.channels[1]).toEqual({
      channel: 'webhook',
      address: missing.url,
      status: 'failed',
      error: 'WEBHOOK_HTTP_404',
    });
  });

  it('in the user’s language; nobody signed out', async () => {
    const auditor = await person(t.http, 'auditor', 'kazakh');
    const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    await request(t.http)
      .patch(`/v1/users/${auditor.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ locale: 'kk' })
      .expect(200);
    expect((await post(t.http, auditor.token, '/v1/users/me/notifications/test')).status).toBe(200);
    expect(decodeWords(smtp.to(auditor.email)[0].subject)).toBe('casetrack: сынақ хабарламасы');
    expectError(await post(t.http, null, '/v1/users/me/notifications/test'), 401, 'UNAUTHENTICATED');
  });

  it('/health gives an admin the reminder queue’s counts, and a delayed reminder is counted', async () => {
    const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    const before = await get(t.http, adminToken, '/health');
    expect(before.status).toBe(200);
    const counts = before.body.reminderQueue as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['active', 'delayed', 'failed', 'waiting']);
    for (const value of Object.values(counts)) expect(Number.isInteger(value)).toBe(true);

    const lawyer = await person(t.http, 'lawyer', 'queued');
    const caseId = await openCase(t.http, lawyer.token, 'Queued Person');
    await write(t.http, lawyer.token, `/v1/cases/${caseId}/hearings`, {
      kind: 'trial',
      court: 'Almaly district court',
      scheduledAt: fromNow(5 * 60_000),
    });
    await eventually(
      async () => (await get(t.http, adminToken, '/health')).body.reminderQueue.delayed >= counts.delayed + 2,
      15_000,
      'two delayed reminder jobs',
    );
    // Nobody else sees them.
    expect((await request(t.http).get('/health')).body.reminderQueue).toBeUndefined();
    expect((await get(t.http, lawyer.token, '/health')).body.reminderQueue).toBeUndefined();
  });
});
