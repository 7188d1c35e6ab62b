import { Client } from 'pg';
import request, { type Response } from 'supertest';
import { base32Decode, hotp, totpStep } from '@casetrack/auth';
import { ADMIN, login, startTestApp, type TestApp } from '../support/test-app';
import { expectError, expectValidation, get, openCaseBody, post } from '../support/e2e';

const PASSWORD = 'correct horse battery staple';

/**
 * The authenticator app of one person: each code it gives is for a step not used before (the server accepts a step
 * once), the current one or, right after another, the next (one step of drift is allowed).
 */
class Authenticator {
  private lastStep = -Infinity;
  constructor(private readonly secret: Buffer) {}

  next(): string {
    const step = Math.max(this.lastStep + 1, totpStep(new Date()));
    this.lastStep = step;
    return hotp(this.secret, step);
  }

  /** A 6-digit code that no step near now has. */
  wrong(): string {
    const now = totpStep(new Date());
    const near = new Set([-2, -1, 0, 1, 2].map((offset) => hotp(this.secret, now + offset)));
    let candidate = 0;
    while (near.has(String(candidate).padStart(6, '0'))) candidate++;
    return String(candidate).padStart(6, '0');
  }
}

interface Person {
  id: string;
  email: string;
  token: string;
}

interface Enrolled extends Person {
  app: Authenticator;
  recoveryCodes: string[];
}

/** Issue 10, item 7: two-factor sign-in (TOTP, RFC 6238) with recovery codes, as CONTRACT.md "Accounts" has it. */
describe('two-factor sign-in', () => {
  let t: TestApp;
  let db: Client;
  let adminToken: string;

  beforeAll(async () => {
    // Coordinators must have a second factor in this deployment; lawyers and admins may choose.
    t = await startTestApp({ REQUIRE_2FA: 'coordinator' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    adminToken = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  let counter = 0;
  async function newPerson(role: 'lawyer' | 'coordinator'): Promise<Person> {
    const email = `two-factor-${++counter}-${role}@casetrack.test`;
    const created = await post(t.http, adminToken, '/v1/users', {
      email,
      name: `Person ${counter}`,
      role,
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, token: await login(t.http, email, PASSWORD) };
  }

  async function enrol(person: Person): Promise<Enrolled> {
    const started = await post(t.http, person.token, '/v1/users/me/2fa');
    expect(started.status).toBe(201);
    const app = new Authenticator(base32Decode(started.body.secret as string) as Buffer);
    const confirmed = await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code: app.next() });
    expect(confirmed.status).toBe(200);
    return { ...person, app, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  function signIn(email: string, password: string, otp?: string): Promise<Response> {
    return request(t.http)
      .post('/v1/auth/login')
      .send(otp === undefined ? { email, password } : { email, password, otp });
  }

  function remove(token: string, body?: object): Promise<Response> {
    const call = request(t.http).delete('/v1/users/me/2fa').set('Authorization', `Bearer ${token}`);
    return body === undefined ? call : call.send(body);
  }

  async function auditOf(subjectId: string): Promise<Array<{ actor_id: string; action: string }>> {
    const { rows } = await db.query<{ actor_id: string; action: string }>(
      `SELECT actor_id, action FROM account_audit WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );
    return rows;
  }

  it('enrols with a base32 secret and an otpauth URL, stores the secret sealed and the recovery codes as digests', async () => {
    const person = await newPerson('lawyer');
    const started = await post(t.http, person.token, '/v1/users/me/2fa');
    expect(started.status).toBe(201);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(started.body.otpauthUrl as string);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/casetrack:${person.email}`);
    expect(url.searchParams.get('secret')).toBe(secret);
    expect((await get(t.http, person.token, '/v1/users/me')).body.secondFactor).toEqual({
      enabled: false,
      required: false,
    });

    const app = new Authenticator(base32Decode(secret) as Buffer);
    const confirmed = await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code: app.next() });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect((await get(t.http, person.token, '/v1/users/me')).body.secondFactor).toEqual({
      enabled: true,
      required: false,
    });

    const stored = await db.query<{ sealed_secret: Buffer }>(
      `SELECT sealed_secret FROM second_factors WHERE user_id = $1`,
      [person.id],
    );
    expect(stored.rows[0].sealed_secret.includes(base32Decode(secret) as Buffer)).toBe(false);
    expect(stored.rows[0].sealed_secret.toString('latin1')).not.toContain(secret);
    const hashes = await db.query<{ code_hash: string }>(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [
      person.id,
    ]);
    expect(hashes.rows).toHaveLength(10);
    const dump = JSON.stringify(hashes.rows);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace('-', ''));
    }
    expect(await auditOf(person.id)).toEqual([{ actor_id: person.id, action: 'second_factor_enabled' }]);

    expectError(await post(t.http, person.token, '/v1/users/me/2fa'), 422, 'SECOND_FACTOR_ALREADY_ENABLED');
  });

  it('confirms only a started enrolment, with a code of its latest secret', async () => {
    const person = await newPerson('lawyer');
    expectError(
      await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code: '123456' }),
      422,
      'SECOND_FACTOR_NOT_STARTED',
    );
    const first = await post(t.http, person.token, '/v1/users/me/2fa');
    const second = await post(t.http, person.token, '/v1/users/me/2fa');
    expect(second.body.secret).not.toBe(first.body.secret);
    const stale = new Authenticator(base32Decode(first.body.secret as string) as Buffer);
    const app = new Authenticator(base32Decode(second.body.secret as string) as Buffer);

    for (const code of [app.wrong(), stale.next(), 'not-a-code']) {
      expectError(await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code }), 422, 'SECOND_FACTOR_INVALID');
    }
    expectValidation(await post(t.http, person.token, '/v1/users/me/2fa/confirm', {}), 'code');
    expectValidation(await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code: 123456 }), 'code');
    expect((await post(t.http, person.token, '/v1/users/me/2fa/confirm', { code: app.next() })).status).toBe(200);
  });

  it('confirming ends the sessions opened with the password alone, and keeps the one that confirmed', async () => {
    const person = await newPerson('lawyer');
    const other = await login(t.http, person.email, PASSWORD);
    await enrol(person);
    expectError(await get(t.http, other, '/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect((await get(t.http, person.token, '/v1/users/me')).status).toBe(200);
  });

  it('asks for the second factor only once the password is right, and accepts each code once', async () => {
    const person = await enrol(await newPerson('lawyer'));
    const required = await signIn(person.email, PASSWORD);
    expectError(required, 401, 'SECOND_FACTOR_REQUIRED');
    expect(required.body.accessToken).toBeUndefined();
    // A wrong password says nothing of a second factor: the same answer as for an account without one.
    const wrongPassword = await signIn(person.email, 'not the password', person.app.wrong());
    expectError(wrongPassword, 401, 'UNAUTHENTICATED');
    expectError(await signIn(person.email, PASSWORD, person.app.wrong()), 401, 'SECOND_FACTOR_REQUIRED');

    const code = person.app.next();
    const signedIn = await signIn(person.email, PASSWORD, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: person.id });
    expect((await get(t.http, signedIn.body.accessToken as string, '/v1/users/me')).status).toBe(200);
    const replayed = await signIn(person.email, PASSWORD, code);
    expectError(replayed, 401, 'SECOND_FACTOR_REQUIRED');
  });

  it('lets only one of two sign-ins racing with the same code in, for a TOTP code and for a recovery code', async () => {
    const person = await enrol(await newPerson('lawyer'));
    for (const code of [person.app.next(), person.recoveryCodes[0]]) {
      const raced = await Promise.all([signIn(person.email, PASSWORD, code), signIn(person.email, PASSWORD, code)]);
      expect(raced.map((response) => response.status).sort()).toEqual([200, 401]);
    }
  });

  it('takes a recovery code once, however it is typed, and records its use', async () => {
    const person = await enrol(await newPerson('lawyer'));
    const [first, second] = person.recoveryCodes;
    expect((await signIn(person.email, PASSWORD, first.replace('-', '').toUpperCase())).status).toBe(200);
    expectError(await signIn(person.email, PASSWORD, first), 401, 'SECOND_FACTOR_REQUIRED');
    expect((await signIn(person.email, PASSWORD, ` ${second} `)).status).toBe(200);
    expect((await auditOf(person.id)).map((row) => row.action)).toEqual([
      'second_factor_enabled',
      'recovery_code_used',
      'recovery_code_used',
    ]);
  });

  it('counts a wrong code as a failed sign-in: five, then 429 even for the right code', async () => {
    const person = await enrol(await newPerson('lawyer'));
    for (let i = 0; i < 5; i++) {
      expectError(await signIn(person.email, PASSWORD, person.app.wrong()), 401, 'SECOND_FACTOR_REQUIRED');
    }
    const throttled = await signIn(person.email, PASSWORD, person.app.next());
    expectError(throttled, 429, 'RATE_LIMITED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('switches off with a valid code only, records it, and ends every session of the account', async () => {
    const person = await enrol(await newPerson('lawyer'));
    const other = (await signIn(person.email, PASSWORD, person.recoveryCodes[0])).body.accessToken as string;

    expectValidation(await remove(person.token));
    expectValidation(await remove(person.token, {}), 'code');
    expectError(await remove(person.token, { code: person.app.wrong() }), 422, 'SECOND_FACTOR_INVALID');
    expectError(await remove(person.token, { code: person.recoveryCodes[0] }), 422, 'SECOND_FACTOR_INVALID');
    expect((await get(t.http, person.token, '/v1/users/me')).status).toBe(200);

    const removed = await remove(person.token, { code: person.app.next() });
    expect(removed.status).toBe(204);
    for (const token of [person.token, other]) {
      expectError(await get(t.http, token, '/v1/users/me'), 401, 'UNAUTHENTICATED');
    }
    const audit = await auditOf(person.id);
    expect(audit[audit.length - 1]).toEqual({ actor_id: person.id, action: 'second_factor_disabled' });
    const left = await db.query(
      `SELECT (SELECT count(*)::int FROM second_factors WHERE user_id = $1) + (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1) AS n`,
      [person.id],
    );
    expect(left.rows[0].n).toBe(0);

    const signedIn = await signIn(person.email, PASSWORD);
    expect(signedIn.status).toBe(200);
    expectError(
      await remove(signedIn.body.accessToken as string, { code: '123456' }),
      422,
      'SECOND_FACTOR_NOT_ENABLED',
    );
  });

  it("lets an admin reset someone's second factor: recorded, and the old tokens answer 401 at once", async () => {
    const person = await enrol(await newPerson('lawyer'));
    const adminId = (await get(t.http, adminToken, '/v1/users/me')).body.id as string;

    const lawyer = await newPerson('lawyer');
    expectError(await post(t.http, lawyer.token, `/v1/users/${person.id}/2fa/reset`), 403, 'FORBIDDEN');
    expectError(await post(t.http, adminToken, `/v1/users/${adminId}/2fa/reset`), 422, 'CANNOT_RESET_SELF');
    expectError(
      await post(t.http, adminToken, '/v1/users/00000000-0000-4000-8000-000000000000/2fa/reset'),
      404,
      'NOT_FOUND',
    );
    expect((await get(t.http, person.token, '/v1/users/me')).status).toBe(200);

    const reset = await post(t.http, adminToken, `/v1/users/${person.id}/2fa/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ id: person.id, secondFactorEnabled: false });
    expectError(await get(t.http, person.token, '/v1/users/me'), 401, 'UNAUTHENTICATED');
    const audit = await auditOf(person.id);
    expect(audit[audit.length - 1]).toEqual({ actor_id: adminId, action: 'second_factor_reset' });
    // The person signs in with the password alone again, and may enrol a new phone.
    expect((await signIn(person.email, PASSWORD)).status).toBe(200);
    // The audit is append-only.
    await expect(db.query(`DELETE FROM account_audit WHERE subject_id = $1`, [person.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('REQUIRE_2FA: a coordinator without a second factor reaches only enrolment, /v1/users/me and logout', async () => {
    const coordinator = await newPerson('coordinator');
    expect((await get(t.http, coordinator.token, '/v1/users/me')).body.secondFactor).toEqual({
      enabled: false,
      required: true,
    });
    expectError(await get(t.http, coordinator.token, '/v1/cases'), 403, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
    expectError(await get(t.http, coordinator.token, '/metrics'), 403, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
    const eventsBefore = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    expectError(
      await post(t.http, coordinator.token, '/v1/cases', openCaseBody()),
      403,
      'SECOND_FACTOR_ENROLMENT_REQUIRED',
    );
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`)).rows[0].n).toBe(
      eventsBefore.rows[0].n,
    );

    await enrol(coordinator);
    expect((await get(t.http, coordinator.token, '/v1/cases')).status).toBe(200);
    expect((await post(t.http, coordinator.token, '/v1/cases', openCaseBody())).status).toBe(201);

    // A lawyer is not required to have one here.
    const lawyer = await newPerson('lawyer');
    expect((await get(t.http, lawyer.token, '/v1/cases')).status).toBe(200);

    // Signing out stays open too.
    const fresh = await newPerson('coordinator');
    expect((await post(t.http, fresh.token, '/v1/auth/logout')).status).toBe(204);
  });

  it('documents the routes and the otp field in the OpenAPI document', async () => {
    const document = (await request(t.http).get('/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths['/v1/users/me/2fa']).sort()).toEqual(['delete', 'post']);
    expect(document.paths['/v1/users/me/2fa/confirm'].post).toBeDefined();
    expect(document.paths['/v1/users/{id}/2fa/reset'].post).toBeDefined();
    expect(document.components.schemas.LoginDto.properties).toHaveProperty('otp');
    expect(document.components.schemas.SecondFactorEnrolmentDto.properties).toHaveProperty('otpauthUrl');
    expect(document.components.schemas.RecoveryCodesDto.properties).toHaveProperty('recoveryCodes');
  });
});
