import request from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp } from '../support/test-app';
import { expectError, expectValidation, get, openCaseBody, post } from '../support/e2e';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = 'correct horse battery staple';

describe('accounts, health and docs', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await login(t.http, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  let counter = 0;
  async function newUser(role: string, password = PASSWORD) {
    counter++;
    const email = `user${counter}-${role}@casetrack.test`;
    const response = await post(t.http, adminToken, '/v1/users', {
      email,
      name: `Aliya Zhaksybekova ${counter}`,
      role,
      password,
      timeZone: 'Asia/Almaty',
    });
    expect(response.status).toBe(201);
    return {
      ...(response.body as { id: string; email: string; name: string; role: string; timeZone: string }),
      password,
    };
  }

  describe('login', () => {
    it('answers {accessToken, expiresAt, user: {id, email, name, role}}', async () => {
      const user = await newUser('lawyer');
      const before = Date.now();
      const response = await request(t.http).post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
      expect(response.status).toBe(200);
      expect(typeof response.body.accessToken).toBe('string');
      expect(response.body.accessToken.length).toBeGreaterThanOrEqual(20);
      expect(typeof response.body.expiresAt).toBe('string');
      expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(before);
      expect(response.body.expiresAt).toMatch(/Z$|[+-]\d{2}:\d{2}$/);
      expect(response.body.user).toMatchObject({ id: user.id, email: user.email, name: user.name, role: 'lawyer' });
      expect(response.body.user.id).toMatch(UUID);
      expect(JSON.stringify(response.body)).not.toContain(PASSWORD);
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|password_hash/);

      const me = await get(t.http, response.body.accessToken, '/v1/users/me');
      expect(me.status).toBe(200);
    });

    it('gives the same 401 body for an unknown email and for a wrong password', async () => {
      const user = await newUser('coordinator');
      const unknown = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: 'nobody@casetrack.test', password: PASSWORD });
      const wrong = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: user.email, password: 'not the password at all' });
      expectError(unknown, 401, 'UNAUTHENTICATED');
      expectError(wrong, 401, 'UNAUTHENTICATED');
      expect(wrong.body).toEqual(unknown.body);
      expect(unknown.body.accessToken).toBeUndefined();
    });

    it('validates the login body', async () => {
      const response = await request(t.http).post('/v1/auth/login').send({ email: 'a@b.c' });
      expectValidation(response, 'password');
    });
  });

  describe('users', () => {
    it('an admin creates a user: 201 {id, email, name, role, timeZone}, and the user can sign in', async () => {
      const response = await post(t.http, adminToken, '/v1/users', {
        email: 'gulnara@casetrack.test',
        name: 'Gulnara Sadykova',
        role: 'coordinator',
        password: PASSWORD,
        timeZone: 'Asia/Almaty',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        email: 'gulnara@casetrack.test',
        name: 'Gulnara Sadykova',
        role: 'coordinator',
        timeZone: 'Asia/Almaty',
      });
      const token = await login(t.http, 'gulnara@casetrack.test', PASSWORD);
      const me = await get(t.http, token, '/v1/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: response.body.id,
        email: 'gulnara@casetrack.test',
        name: 'Gulnara Sadykova',
        role: 'coordinator',
      });
    });

    it('accepts every role of the contract', async () => {
      for (const role of ['lawyer', 'coordinator', 'auditor', 'admin']) {
        const user = await newUser(role);
        expect(user.role).toBe(role);
      }
    });

    it('refuses POST /v1/users to anyone but an admin (403)', async () => {
      for (const role of ['lawyer', 'coordinator', 'auditor'] as const) {
        const user = await createUser(t.http, role);
        const response = await post(t.http, user.token, '/v1/users', {
          email: `made-by-${role}@casetrack.test`,
          name: 'Sneaky',
          role: 'admin',
          password: PASSWORD,
        });
        expectError(response, 403, 'FORBIDDEN');
      }
      expectError(
        await post(t.http, null, '/v1/users', {
          email: 'x@casetrack.test',
          name: 'x',
          role: 'admin',
          password: PASSWORD,
        }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('refuses a duplicate email with 422 EMAIL_TAKEN (409 is only for raced writes)', async () => {
      const user = await newUser('lawyer');
      const response = await post(t.http, adminToken, '/v1/users', {
        email: user.email,
        name: 'Someone Else',
        role: 'coordinator',
        password: PASSWORD,
      });
      expectError(response, 422, 'EMAIL_TAKEN');
    });

    it('validates a new user (email, role, short password, unknown field, time zone)', async () => {
      const bad = await post(t.http, adminToken, '/v1/users', {
        email: 'not-an-email',
        name: 'X',
        role: 'judge',
        password: 'short',
      });
      expectValidation(bad, 'email', 'role', 'password');
      const unknown = await post(t.http, adminToken, '/v1/users', {
        email: 'ok@casetrack.test',
        name: 'X',
        role: 'lawyer',
        password: PASSWORD,
        isSuperuser: true,
      });
      expectValidation(unknown, 'isSuperuser');
      const zone = await post(t.http, adminToken, '/v1/users', {
        email: 'zone@casetrack.test',
        name: 'X',
        role: 'lawyer',
        password: PASSWORD,
        timeZone: 'Mars/Olympus_Mons',
      });
      expectValidation(zone, 'timeZone');
    });

    it('GET /v1/users/me answers the caller', async () => {
      const user = await createUser(t.http, 'auditor');
      const me = await get(t.http, user.token, '/v1/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: user.id, role: 'auditor', name: 'auditor' });
      expect(typeof me.body.email).toBe('string');
      expectError(await get(t.http, null, '/v1/users/me'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('tokens', () => {
    it('logout revokes the token, and only that token', async () => {
      const user = await newUser('coordinator');
      const first = await login(t.http, user.email, PASSWORD);
      const second = await login(t.http, user.email, PASSWORD);
      expect(first).not.toBe(second);
      const logout = await post(t.http, first, '/v1/auth/logout');
      expect(logout.status).toBe(204);
      expectError(await get(t.http, first, '/v1/users/me'), 401, 'UNAUTHENTICATED');
      expectError(await post(t.http, first, '/v1/cases', openCaseBody()), 401, 'UNAUTHENTICATED');
      expect((await get(t.http, second, '/v1/users/me')).status).toBe(200);
    });

    it('disabling a user revokes all their tokens and stops them signing in', async () => {
      const user = await newUser('lawyer');
      const tokens = [await login(t.http, user.email, PASSWORD), await login(t.http, user.email, PASSWORD)];
      for (const token of tokens) expect((await get(t.http, token, '/v1/users/me')).status).toBe(200);

      const disabled = await post(t.http, adminToken, `/v1/users/${user.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: user.id });

      for (const token of tokens) {
        expectError(await get(t.http, token, '/v1/users/me'), 401, 'UNAUTHENTICATED');
        expectError(await post(t.http, token, '/v1/cases', openCaseBody()), 401, 'UNAUTHENTICATED');
      }
      const again = await request(t.http).post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
      expectError(again, 401, 'UNAUTHENTICATED');
    });

    it('only an admin may disable a user; an unknown user is 404', async () => {
      const target = await newUser('lawyer');
      const coordinator = await createUser(t.http, 'coordinator');
      expectError(await post(t.http, coordinator.token, `/v1/users/${target.id}/disable`), 403, 'FORBIDDEN');
      expect(
        (await request(t.http).post('/v1/auth/login').send({ email: target.email, password: PASSWORD })).status,
      ).toBe(200);
      expectError(
        await post(t.http, adminToken, '/v1/users/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/disable'),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('health and docs', () => {
    it('GET /health answers 200 with its checks, without a token', async () => {
      const response = await request(t.http).get('/health');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ok');
      expect(response.body.checks).toMatchObject({
        database: { status: 'up' },
        eventStore: { status: 'up' },
        redis: { status: 'up' },
      });
    });

    it('GET /docs serves the OpenAPI UI without a token', async () => {
      const response = await request(t.http).get('/docs').redirects(2);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toMatch(/swagger/i);
    });

    it('GET /docs-json is an OpenAPI document listing the case routes', async () => {
      const response = await request(t.http).get('/docs-json');
      expect(response.status).toBe(200);
      expect(typeof response.body.openapi).toBe('string');
      const paths = Object.keys(response.body.paths as object);
      for (const path of [
        '/v1/cases',
        '/v1/cases/{caseId}/notes',
        '/v1/cases/{caseId}/detention',
        '/v1/cases/{caseId}/hearings/{hearingId}/outcome',
        '/v1/cases/{caseId}/torture-allegations',
        '/v1/cases/{caseId}/retractions',
        '/v1/auth/login',
        '/v1/users',
      ]) {
        expect(paths).toContain(path);
      }
      expect(response.body.paths['/v1/cases'].post).toBeDefined();
    });
  });
});
