import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { App } from 'supertest/types';
import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../../support/test-app';
import { get, openCaseBody, post } from '../../support/e2e';
import { deleteKeysUnder } from './redis-keys';

/** Reminder tests use their own Redis database so that FLUSHDB never touches anything else. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/**
 * The app with every role on, short offsets, delivering to the given SMTP server. Its Redis keys are its own: their
 * prefix is derived from its database's name. No rule set unless a test names one (RULE_SETS): the default's 48 hours
 * from a detention would add reminders to every detained client, and these tests count the fixed offsets' rows.
 */
export async function startReminderApp(smtpUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({
    ROLES: 'api,projector,worker',
    REDIS_URL: TEST_REDIS_URL,
    SMTP_URL: smtpUrl,
    HEARING_REMINDER_OFFSETS: '4s,2s',
    MEASURE_REMINDER_OFFSETS: '3s',
    ESCALATION_AFTER: '3s',
    REMINDER_BACKOFF: '200ms',
    WEBHOOK_SECRET,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    PUBLIC_URL: 'https://casetrack.test',
    RULE_SETS: 'none',
    ...env,
  });
}

/** Removes a test deployment's keys (everything under its prefix) from the test Redis. */
export async function forgetRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

export interface Person extends TestUser {
  email: string;
}

/** A user whose reminders go to `<name>-<random>@reminders.test` (set through PUT /v1/users/me/notifications). */
export async function person(
  http: App,
  role: 'lawyer' | 'coordinator' | 'auditor' | 'admin',
  name: string,
): Promise<Person> {
  const user = await createUser(http, role, name);
  const email = `${name}-${randomBytes(4).toString('hex')}@reminders.test`;
  await request(http)
    .put('/v1/users/me/notifications')
    .set('Authorization', `Bearer ${user.token}`)
    .send({ email })
    .expect(200);
  return { ...user, email };
}

export async function openCase(http: App, token: string, fullName: string): Promise<string> {
  const response = await post(http, token, '/v1/cases', openCaseBody(fullName));
  if (response.status !== 201) throw new Error(`open case: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.caseId as string;
}

/** POSTs and insists on 201; returns the body. */
export async function write(http: App, token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await post(http, token, path, body);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

export interface LogItem {
  reminderId: string;
  caseId: string;
  kind: string;
  recipientId: string;
  dueAt: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

export async function reminderLog(http: App, token: string, query = ''): Promise<LogItem[]> {
  const response = await get(http, token, `/v1/reminders${query}`);
  if (response.status !== 200) throw new Error(`reminders: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items as LogItem[];
}

/**
 * The reminder log once `delivered` reminders read as sent. A message reaches the SMTP server a few
 * milliseconds before the worker's batched "sent" update commits, so the log is read after that commit.
 */
export async function reminderLogAfterDelivery(
  http: App,
  token: string,
  query: string,
  delivered: number,
): Promise<LogItem[]> {
  let log: LogItem[] = [];
  await eventually(
    async () => {
      log = await reminderLog(http, token, query);
      return log.filter((item) => item.status === 'sent').length >= delivered;
    },
    10_000,
    `${delivered} reminders marked sent`,
  );
  return log;
}

/** Polls until `check` resolves true. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
