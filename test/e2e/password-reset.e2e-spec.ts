import { Pool } from 'pg';
import request, { type Response } from 'supertest';
import { expectError, expectValidation, get, post } from '../support/e2e';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';

const NEW_PASSWORD = 'a-brand-new-passphrase';

/**
 * Behind a loopback proxy (TRUST_PROXY=loopback), so X-Forwarded-For names the client as request.ip reads it: the
 * throttle is per address.
 */
describe('password reset with a one-time link made by an admin', () => {
  let t: TestApp;
  let pool: Pool;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', PUBLIC_URL: 'https://casetrack.test' });
    pool = new Pool({ connectionString: t.database.url, max: 2 });
    adminToken = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  async function emailOf(user: TestUser): Promise<string> {
    return (await get(t.http, user.token, '/v1/users/me')).body.email as string;
  }

  function useReset(token: string, newPassword = NEW_PASSWORD, address = '192.0.2.10'): Promise<Response> {
    return request(t.http).post('/v1/auth/password-reset').set('X-Forwarded-For', address).send({ token, newPassword });
  }

  async function makeLink(userId: string): Promise<{ url: string; expiresAt: string; token: string }> {
    const response = await post(t.http, adminToken, `/v1/users/${userId}/password-reset`);
    expect(response.status).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual(['expiresAt', 'url']);
    const url = response.body.url as string;
    expect(url).toMatch(/^https:\/\/casetrack\.test\/password-reset#[A-Za-z0-9_-]{43}$/);
    return { url, expiresAt: response.body.expiresAt as string, token: url.split('#')[1] };
  }

  it('ends the user’s sessions at once, sets the password once, and the link never works again', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    const email = await emailOf(lawyer);
    const before = Date.now();
    const link = await makeLink(lawyer.id);
    const lifetime = Date.parse(link.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(2 * 3_600_000 + 60_000);
    // Only the hash is stored.
    const stored = await pool.query<{ token_hash: string }>(`SELECT token_hash FROM password_resets`);
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(link.token);
    expect(JSON.stringify(stored.rows)).not.toContain(link.token);

    expectError(await get(t.http, lawyer.token, '/v1/users/me'), 401, 'UNAUTHENTICATED');

    const used = await useReset(link.token);
    expect(used.status).toBe(204);
    await login(t.http, email, NEW_PASSWORD);
    expectError(
      await request(t.http).post('/v1/auth/login').send({ email, password: 'a-long-test-password' }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await useReset(link.token, 'yet-another-passphrase'), 422, 'PASSWORD_RESET_INVALID');
    await login(t.http, email, NEW_PASSWORD);
  });

  it('using the link ends sessions opened meanwhile; a newer link withdraws the older one', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    const email = await emailOf(lawyer);
    const older = await makeLink(lawyer.id);
    const newer = await makeLink(lawyer.id);
    expectError(await useReset(older.token), 422, 'PASSWORD_RESET_INVALID');
    const meanwhile = await login(t.http, email, 'a-long-test-password');
    expect((await useReset(newer.token)).status).toBe(204);
    expectError(await get(t.http, meanwhile, '/v1/users/me'), 401, 'UNAUTHENTICATED');
  });

  it('an expired link and a disabled account’s link do not work', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    const expired = await makeLink(lawyer.id);
    await pool.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expectError(await useReset(expired.token), 422, 'PASSWORD_RESET_INVALID');

    const leaving = await createUser(t.http, 'lawyer');
    const link = await makeLink(leaving.id);
    expect((await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(200);
    expectError(await useReset(link.token), 422, 'PASSWORD_RESET_INVALID');
    expectError(await post(t.http, adminToken, `/v1/users/${leaving.id}/password-reset`), 422, 'USER_DISABLED');
  });

  it('is an admin’s to make; bad bodies are 400; wrong tokens are throttled per address', async () => {
    const coordinator = await createUser(t.http, 'coordinator');
    const lawyer = await createUser(t.http, 'lawyer');
    expectError(await post(t.http, coordinator.token, `/v1/users/${lawyer.id}/password-reset`), 403, 'FORBIDDEN');
    expectError(await post(t.http, null, `/v1/users/${lawyer.id}/password-reset`), 401, 'UNAUTHENTICATED');
    expectError(
      await post(t.http, adminToken, '/v1/users/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/password-reset'),
      404,
      'NOT_FOUND',
    );
    expectValidation(await useReset('x'.repeat(43), 'short'), 'newPassword');
    expectValidation(
      await request(t.http).post('/v1/auth/password-reset').send({ token: 'x', newPassword: NEW_PASSWORD, extra: 1 }),
      'extra',
    );

    const link = await makeLink(lawyer.id);
    const attacker = '192.0.2.66';
    for (let i = 0; i < 5; i++) {
      expectError(await useReset(`guess-${i}`, NEW_PASSWORD, attacker), 422, 'PASSWORD_RESET_INVALID');
    }
    const throttled = await useReset(link.token, NEW_PASSWORD, attacker);
    expectError(throttled, 429, 'RATE_LIMITED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by the attacker's failures: the lawyer's link still works.
    expect((await useReset(link.token, NEW_PASSWORD, '192.0.2.77')).status).toBe(204);
  });
});
