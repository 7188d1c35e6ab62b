import { Client } from 'pg';
import request, { type Response, type Test } from 'supertest';
import { base32Decode, hotp, totpStep } from '@casetrack/auth';
import { ADMIN, login, startTestApp, type TestApp } from '../support/test-app';
import { EventsTable, expectError, get, openCaseBody, post } from '../support/e2e';

const PASSWORD = 'a-long-test-password';
const COOKIE = 'casetrack_session';

interface Person {
  id: string;
  email: string;
}

interface Session {
  /** `casetrack_session=<token>`, as a browser sends it back. */
  cookie: string;
  token: string;
  csrf: string;
  answer: Response;
}

/** The `Set-Cookie` line naming `name`, or undefined. */
function setCookie(response: Response, name: string): string | undefined {
  const lines = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return lines.find((line) => line.startsWith(`${name}=`));
}

/** Issue 15, item 3: the console's cookie session with CSRF protection, beside bearer tokens. */
describe('console sessions (POST/GET/DELETE /v1/auth/session) and cookie-authenticated requests', () => {
  let t: TestApp;
  let db: Client;
  let events: EventsTable;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    events = await EventsTable.open(t.database.url);
    adminToken = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await events.close();
    await db.end();
    await t.close();
  });

  let counter = 0;
  async function newPerson(role: 'lawyer' | 'coordinator' | 'auditor'): Promise<Person> {
    const email = `console-${++counter}-${role}@casetrack.test`;
    const created = await post(t.http, adminToken, '/v1/users', {
      email,
      name: `Person ${counter}`,
      role,
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email };
  }

  function openSession(email: string, password = PASSWORD, otp?: string): Test {
    return request(t.http)
      .post('/v1/auth/session')
      .send(otp === undefined ? { email, password } : { email, password, otp });
  }

  async function signIn(person: Person): Promise<Session> {
    const answer = await openSession(person.email);
    expect(answer.status).toBe(200);
    const line = setCookie(answer, COOKIE);
    expect(line).toBeDefined();
    const cookie = (line as string).split(';')[0];
    return { cookie, token: cookie.slice(COOKIE.length + 1), csrf: answer.body.csrf.token as string, answer };
  }

  function withCookie(call: Test, session: Session, csrf?: string): Test {
    const withIt = call.set('Cookie', session.cookie);
    return csrf === undefined ? withIt : withIt.set('X-CSRF-Token', csrf);
  }

  it('sets an httpOnly, SameSite=Strict, Path=/ cookie (not Secure in this test deployment) and answers the user and the CSRF header', async () => {
    const person = await newPerson('coordinator');
    const session = await signIn(person);
    const line = setCookie(session.answer, COOKIE) as string;
    const attributes = line
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain(`max-age=${t.config.session.ttlSeconds}`);
    expect(attributes.some((attribute) => attribute === 'secure')).toBe(false);
    expect(attributes.some((attribute) => attribute.startsWith('domain'))).toBe(false);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(Object.keys(session.answer.body as object).sort()).toEqual(['csrf', 'user']);
    expect(session.answer.body.user).toEqual({
      id: person.id,
      email: person.email,
      name: expect.any(String),
      role: 'coordinator',
      timeZone: 'UTC',
      locale: 'en',
    });
    expect(session.answer.body.csrf.header).toBe('X-CSRF-Token');
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // No token in the answer a page script reads: the session lives only in the cookie.
    expect(JSON.stringify(session.answer.body)).not.toContain(session.token);

    const again = await withCookie(request(t.http).get('/v1/auth/session'), session);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(session.answer.body);
    expectError(await request(t.http).get('/v1/auth/session'), 401, 'UNAUTHENTICATED');
    expectError(
      await request(t.http)
        .get('/v1/auth/session')
        .set('Cookie', `${COOKIE}=${'x'.repeat(43)}`),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('reads and writes a case with the cookie: a write needs the right CSRF header, and a refused one records nothing', async () => {
    const session = await signIn(await newPerson('coordinator'));
    const opened = await withCookie(request(t.http).post('/v1/cases'), session, session.csrf).send(openCaseBody());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;

    const read = await withCookie(request(t.http).get(`/v1/cases/${caseId}`), session).set(
      'X-Min-Position',
      String(opened.body.position),
    );
    expect(read.status).toBe(200);
    expect(read.body.caseId).toBe(caseId);

    const before = await events.count();
    const note = { text: 'called the family' };
    const without = await withCookie(request(t.http).post(`/v1/cases/${caseId}/notes`), session).send(note);
    expectError(without, 403, 'CSRF_TOKEN_INVALID');
    const wrong = await withCookie(request(t.http).post(`/v1/cases/${caseId}/notes`), session, `${session.csrf}x`).send(
      note,
    );
    expectError(wrong, 403, 'CSRF_TOKEN_INVALID');
    const otherSessions = await signIn(await newPerson('coordinator'));
    const anotherSessions = await withCookie(
      request(t.http).post(`/v1/cases/${caseId}/notes`),
      session,
      otherSessions.csrf,
    ).send(note);
    expectError(anotherSessions, 403, 'CSRF_TOKEN_INVALID');
    // Also with an Idempotency-Key: a refused request must not hold the key either.
    const keyed = await withCookie(request(t.http).post(`/v1/cases/${caseId}/notes`), session)
      .set('Idempotency-Key', 'note-1')
      .send(note);
    expectError(keyed, 403, 'CSRF_TOKEN_INVALID');
    expect(await events.count()).toBe(before);
    expect(await events.versionOf(caseId)).toBe(1);

    const right = await withCookie(request(t.http).post(`/v1/cases/${caseId}/notes`), session, session.csrf)
      .set('Idempotency-Key', 'note-1')
      .send(note);
    expect(right.status).toBe(201);
    expect(right.body.version).toBe(2);
    const recorded = await events.ofCase(caseId);
    expect(recorded.map((event) => event.metadata.actorId)).toEqual([
      session.answer.body.user.id,
      session.answer.body.user.id,
    ]);
    // PUT (notification settings) and DELETE are changes too.
    expectError(
      await withCookie(request(t.http).put('/v1/users/me/notifications'), session).send({}),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('sees with the cookie exactly what the account sees: a lawyer gets 404 for a case not theirs, an auditor writes nothing', async () => {
    const coordinator = await login(t.http, (await newPerson('coordinator')).email, PASSWORD);
    const opened = await post(t.http, coordinator, '/v1/cases', openCaseBody('Yerlan Abenov'));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;

    const lawyer = await signIn(await newPerson('lawyer'));
    expectError(await withCookie(request(t.http).get(`/v1/cases/${caseId}`), lawyer), 404, 'NOT_FOUND');
    const auditor = await signIn(await newPerson('auditor'));
    const write = await withCookie(request(t.http).post(`/v1/cases/${caseId}/notes`), auditor, auditor.csrf).send({
      text: 'not allowed',
    });
    expectError(write, 403, 'FORBIDDEN');
  });

  it('signing in again from the same browser ends the session its cookie held', async () => {
    const person = await newPerson('lawyer');
    const first = await signIn(person);
    const again = await withCookie(request(t.http).post('/v1/auth/session'), first).send({
      email: person.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(200);
    const second = (setCookie(again, COOKIE) as string).split(';')[0];
    expect(second).not.toBe(first.cookie);
    expectError(await withCookie(request(t.http).get('/v1/users/me'), first), 401, 'UNAUTHENTICATED');
    expect((await request(t.http).get('/v1/users/me').set('Cookie', second)).status).toBe(200);

    // A cookie holding a bearer token is no session: signing in leaves that token alone.
    const bearer = await login(t.http, person.email, PASSWORD);
    const planted = await request(t.http)
      .post('/v1/auth/session')
      .set('Cookie', `${COOKIE}=${bearer}`)
      .send({ email: person.email, password: PASSWORD });
    expect(planted.status).toBe(200);
    expect((await get(t.http, bearer, '/v1/users/me')).status).toBe(200);
  });

  it('keeps bearer tokens as they were, and an Authorization header wins over the cookie', async () => {
    const person = await newPerson('coordinator');
    const bearer = await login(t.http, person.email, PASSWORD);
    const session = await signIn(person);

    const opened = await post(t.http, bearer, '/v1/cases', openCaseBody('Dana Serikova'));
    expect(opened.status).toBe(201);
    // With a bearer token no CSRF header is asked, cookie or not.
    const noted = await withCookie(request(t.http).post(`/v1/cases/${opened.body.caseId as string}/notes`), session)
      .set('Authorization', `Bearer ${bearer}`)
      .send({ text: 'bearer wins' });
    expect(noted.status).toBe(201);
    // A wrong bearer token is not rescued by a valid cookie.
    const wrongBearer = await withCookie(request(t.http).get('/v1/users/me'), session).set(
      'Authorization',
      `Bearer ${'y'.repeat(43)}`,
    );
    expectError(wrongBearer, 401, 'UNAUTHENTICATED');
    // The session token is no bearer token, and a bearer token is no session.
    expectError(await get(t.http, session.token, '/v1/users/me'), 401, 'UNAUTHENTICATED');
    expectError(await request(t.http).get('/v1/users/me').set('Cookie', `${COOKIE}=${bearer}`), 401, 'UNAUTHENTICATED');
    expect((await withCookie(request(t.http).get('/v1/users/me'), session)).status).toBe(200);
  });

  it('signs out at once: DELETE needs the CSRF header, ends the session server-side and clears the cookie', async () => {
    const session = await signIn(await newPerson('lawyer'));
    expect((await withCookie(request(t.http).get('/v1/users/me'), session)).status).toBe(200);

    expectError(await withCookie(request(t.http).delete('/v1/auth/session'), session), 403, 'CSRF_TOKEN_INVALID');
    expect((await withCookie(request(t.http).get('/v1/users/me'), session)).status).toBe(200);

    const out = await withCookie(request(t.http).delete('/v1/auth/session'), session, session.csrf);
    expect(out.status).toBe(204);
    const cleared = setCookie(out, COOKIE) as string;
    expect(cleared).toBeDefined();
    expect(cleared.split(';')[0]).toBe(`${COOKIE}=`);
    expect(cleared.toLowerCase()).toContain('expires=thu, 01 jan 1970');

    // The browser that kept the cookie anyway gets nothing with it.
    expectError(await withCookie(request(t.http).get('/v1/users/me'), session), 401, 'UNAUTHENTICATED');
    expectError(await withCookie(request(t.http).get('/v1/auth/session'), session), 401, 'UNAUTHENTICATED');
    const { rows } = await db.query<{ revoked: boolean }>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM access_tokens WHERE user_id = $1 AND kind = 'session'`,
      [session.answer.body.user.id],
    );
    expect(rows).toEqual([{ revoked: true }]);
    // Signing out again, or without a session, only clears the cookie.
    expect((await withCookie(request(t.http).delete('/v1/auth/session'), session)).status).toBe(204);
    expect((await request(t.http).delete('/v1/auth/session')).status).toBe(204);
  });

  it('POST /v1/auth/logout with the cookie (and its CSRF header) ends the session too', async () => {
    const session = await signIn(await newPerson('auditor'));
    expectError(await withCookie(request(t.http).post('/v1/auth/logout'), session), 403, 'CSRF_TOKEN_INVALID');
    expect((await withCookie(request(t.http).post('/v1/auth/logout'), session, session.csrf)).status).toBe(204);
    expectError(await withCookie(request(t.http).get('/v1/users/me'), session), 401, 'UNAUTHENTICATED');
  });

  it('an admin disabling the user ends their open session at once', async () => {
    const person = await newPerson('lawyer');
    const session = await signIn(person);
    // Used just before: the answer of a moment ago must not outlive the disabling.
    expect((await withCookie(request(t.http).get('/v1/users/me'), session)).status).toBe(200);
    expect((await post(t.http, adminToken, `/v1/users/${person.id}/disable`)).status).toBe(200);
    expectError(await withCookie(request(t.http).get('/v1/users/me'), session), 401, 'UNAUTHENTICATED');
    expectError(await withCookie(request(t.http).get('/v1/auth/session'), session), 401, 'UNAUTHENTICATED');
    // And a disabled account opens no new session.
    expectError(await openSession(person.email), 401, 'UNAUTHENTICATED');
  });

  it('a password change ends the other sessions and tokens, and keeps the one it was made with', async () => {
    const person = await newPerson('coordinator');
    const kept = await signIn(person);
    const other = await signIn(person);
    const bearer = await login(t.http, person.email, PASSWORD);
    expect((await withCookie(request(t.http).get('/v1/users/me'), other)).status).toBe(200);

    const changed = await withCookie(request(t.http).put('/v1/users/me/password'), kept, kept.csrf).send({
      currentPassword: PASSWORD,
      newPassword: 'another-long-password',
    });
    expect(changed.status).toBeLessThan(300);
    expect((await withCookie(request(t.http).get('/v1/users/me'), kept)).status).toBe(200);
    expectError(await withCookie(request(t.http).get('/v1/users/me'), other), 401, 'UNAUTHENTICATED');
    expectError(await get(t.http, bearer, '/v1/users/me'), 401, 'UNAUTHENTICATED');

    // Changed through a bearer token, it ends the cookie sessions.
    const newBearer = await login(t.http, person.email, 'another-long-password');
    const put = await request(t.http)
      .put('/v1/users/me/password')
      .set('Authorization', `Bearer ${newBearer}`)
      .send({ currentPassword: 'another-long-password', newPassword: PASSWORD });
    expect(put.status).toBeLessThan(300);
    expectError(await withCookie(request(t.http).get('/v1/users/me'), kept), 401, 'UNAUTHENTICATED');
  });

  it('asks for the second factor as login does: 401 SECOND_FACTOR_REQUIRED without otp or with a wrong one', async () => {
    const person = await newPerson('lawyer');
    const token = await login(t.http, person.email, PASSWORD);
    const started = await post(t.http, token, '/v1/users/me/2fa');
    expect(started.status).toBe(201);
    const secret = base32Decode(started.body.secret as string) as Buffer;
    const step = totpStep(new Date());
    expect((await post(t.http, token, '/v1/users/me/2fa/confirm', { code: hotp(secret, step) })).status).toBe(200);

    const bare = await openSession(person.email);
    expectError(bare, 401, 'SECOND_FACTOR_REQUIRED');
    expect(setCookie(bare, COOKIE)).toBeUndefined();
    const near = new Set([-2, -1, 0, 1, 2].map((offset) => hotp(secret, step + offset)));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !near.has(code)) as string;
    expectError(await openSession(person.email, PASSWORD, wrong), 401, 'SECOND_FACTOR_REQUIRED');
    const withCode = await openSession(person.email, PASSWORD, hotp(secret, step + 1));
    expect(withCode.status).toBe(200);
    expect(setCookie(withCode, COOKIE)).toBeDefined();
  });

  it('is throttled with login: five wrong passwords, then 429 RATE_LIMITED with Retry-After even for the right one', async () => {
    const person = await newPerson('lawyer');
    for (let i = 0; i < 5; i++)
      expectError(await openSession(person.email, 'wrong-password-123'), 401, 'UNAUTHENTICATED');
    const throttled = await openSession(person.email);
    expectError(throttled, 429, 'RATE_LIMITED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(setCookie(throttled, COOKIE)).toBeUndefined();
    // The same account through POST /v1/auth/login is throttled too: one throttle.
    expectError(
      await request(t.http).post('/v1/auth/login').send({ email: person.email, password: PASSWORD }),
      429,
      'RATE_LIMITED',
    );
  });

  it('refuses a body with unknown fields or a missing password with 400, setting no cookie', async () => {
    const unknown = await request(t.http)
      .post('/v1/auth/session')
      .send({ email: ADMIN.email, password: ADMIN.password, remember: true });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(setCookie(unknown, COOKIE)).toBeUndefined();
    expectError(await request(t.http).post('/v1/auth/session').send({ email: ADMIN.email }), 400, 'VALIDATION_FAILED');
  });

  it('ends a session left idle past its idle time, and one past its absolute lifetime; use pushes the idle time on', async () => {
    const person = await newPerson('lawyer');
    const idle = await signIn(person);
    await db.query(
      `UPDATE access_tokens SET idle_until = now() - interval '1 second' WHERE kind = 'session' AND user_id = $1`,
      [person.id],
    );
    expectError(await withCookie(request(t.http).get('/v1/users/me'), idle), 401, 'UNAUTHENTICATED');

    const old = await signIn(await newPerson('lawyer'));
    await db.query(
      `UPDATE access_tokens SET expires_at = now() - interval '1 second'
        WHERE kind = 'session' AND user_id = $1`,
      [old.answer.body.user.id],
    );
    expectError(await withCookie(request(t.http).get('/v1/users/me'), old), 401, 'UNAUTHENTICATED');

    const used = await signIn(await newPerson('lawyer'));
    const userId = used.answer.body.user.id as string;
    await db.query(
      `UPDATE access_tokens SET idle_until = now() + interval '30 seconds' WHERE kind = 'session' AND user_id = $1`,
      [userId],
    );
    expect((await withCookie(request(t.http).get('/v1/users/me'), used)).status).toBe(200);
    const { rows } = await db.query<{ left: number }>(
      `SELECT extract(epoch FROM idle_until - now())::float AS left FROM access_tokens WHERE kind = 'session' AND user_id = $1`,
      [userId],
    );
    expect(rows[0].left).toBeGreaterThan(t.config.session.idleSeconds - 120);
    expect(rows[0].left).toBeLessThanOrEqual(t.config.session.idleSeconds);
  });

  it('keeps CORS closed: a preflight from another origin is not allowed credentials', async () => {
    const preflight = await request(t.http)
      .options('/v1/auth/session')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('the session cookie of a deployment that serves HTTPS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_COOKIE_SECURE: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is Secure and named with the __Host- prefix, and the guard reads it by that name', async () => {
    const answer = await request(t.http)
      .post('/v1/auth/session')
      .send({ email: ADMIN.email, password: ADMIN.password });
    expect(answer.status).toBe(200);
    const line = setCookie(answer, `__Host-${COOKIE}`) as string;
    expect(line).toBeDefined();
    const attributes = line.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']));
    expect(setCookie(answer, COOKIE)).toBeUndefined();
    const cookie = line.split(';')[0];
    expect((await request(t.http).get('/v1/users/me').set('Cookie', cookie)).status).toBe(200);
    const token = cookie.split('=')[1];
    expectError(await request(t.http).get('/v1/users/me').set('Cookie', `${COOKIE}=${token}`), 401, 'UNAUTHENTICATED');
  });
});
