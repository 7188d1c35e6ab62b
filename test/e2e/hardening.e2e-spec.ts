import request from 'supertest';
import { ADMIN, createUser, startTestApp, type TestApp } from '../support/test-app';
import { expectError, post } from '../support/e2e';

/** A different X-Forwarded-For each time, as an attacker trying to look like many clients would send. */
const forwardedFor = (i: number): Record<string, string> => ({ 'X-Forwarded-For': `198.51.100.${i + 1}` });

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends security headers and no framework banner', async () => {
    const response = await request(t.http).get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed unless origins are configured', async () => {
    const response = await request(t.http).get('/health').set('Origin', 'https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body above the limit with 413 and the contract error body', async () => {
    const coordinator = await createUser(t.http, 'coordinator');
    const response = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: 'x'.repeat(3000), city: 'Almaty' },
      source: { kind: 'relative' },
    });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  // Without TRUST_PROXY (this app), the address is the socket's peer: X-Forwarded-For cannot pick a fresh one.
  it('throttles an address after 5 failed sign-ins, the right password included, the same for unknown emails', async () => {
    const lawyer = await createUser(t.http, 'lawyer', 'locked');
    const me = await request(t.http).get('/v1/users/me').set('Authorization', `Bearer ${lawyer.token}`).expect(200);
    const email = me.body.email as string;
    for (let i = 0; i < 5; i++) {
      expectError(
        await post(t.http, null, '/v1/auth/login', { email, password: 'wrong-password-123' }, forwardedFor(i)),
        401,
        'UNAUTHENTICATED',
      );
    }
    const locked = await post(t.http, null, '/v1/auth/login', { email, password: 'a-long-test-password' });
    expectError(locked, 429, 'RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30);
    const spoofed = await post(
      t.http,
      null,
      '/v1/auth/login',
      { email, password: 'a-long-test-password' },
      forwardedFor(99),
    );
    expectError(spoofed, 429, 'RATE_LIMITED');

    const unknown = 'nobody@casetrack.test';
    for (let i = 0; i < 5; i++) {
      expectError(
        await post(t.http, null, '/v1/auth/login', { email: unknown, password: 'whatever-123' }),
        401,
        'UNAUTHENTICATED',
      );
    }
    const unknownLocked = await post(t.http, null, '/v1/auth/login', { email: unknown, password: 'whatever-123' });
    expectError(unknownLocked, 429, 'RATE_LIMITED');
    expect(unknownLocked.body.message).toBe(locked.body.message);

    // Other accounts are not affected.
    expect((await post(t.http, null, '/v1/auth/login', ADMIN)).status).toBe(200);
  });
});

describe('general rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 RATE_LIMITED once a client exceeds its requests per minute', async () => {
    const statuses: number[] = [];
    let limited: request.Response | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await request(t.http).get('/health');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited).not.toBeNull();
    if (limited) expectError(limited, 429, 'RATE_LIMITED');
  });
});
