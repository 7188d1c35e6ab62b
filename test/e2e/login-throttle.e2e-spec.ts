import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp } from '../support/test-app';
import { expectError, get } from '../support/e2e';

const PASSWORD = 'a-long-test-password';
const WRONG = 'wrong-password-123';
const OFFICE = '203.0.113.7';
const ATTACKER = '198.51.100.23';

/**
 * Issue 10, item 8: nobody can lock a lawyer out. Failed sign-ins are throttled per account and client address;
 * an address that signed in before gets in with the right password whatever other addresses did.
 *
 * The app runs behind a proxy on loopback here (TRUST_PROXY=loopback, as a deployment behind nginx on the same host
 * would), so X-Forwarded-For names the client, exactly as Express's request.ip reads it in production.
 */
describe('sign-in throttle per account and client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', LOGIN_FAILURES_PER_HOUR: '8' });
  });
  afterAll(async () => {
    await t.close();
  });

  function signIn(address: string, email: string, password: string): Promise<Response> {
    return request(t.http).post('/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });
  }

  /** A lawyer who has signed in from the office before. */
  async function lawyerAtOffice(): Promise<string> {
    const lawyer = await createUser(t.http, 'lawyer', 'throttled');
    const email = (await get(t.http, lawyer.token, '/v1/users/me')).body.email as string;
    expect((await signIn(OFFICE, email, PASSWORD)).status).toBe(200);
    return email;
  }

  async function failFrom(address: string, email: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) expectError(await signIn(address, email, WRONG), 401, 'UNAUTHENTICATED');
  }

  it('throttles an address after 5 failures, and never the lawyer at an address that signed in before', async () => {
    const email = await lawyerAtOffice();
    await failFrom(ATTACKER, email, 5);

    const throttled = await signIn(ATTACKER, email, PASSWORD);
    expectError(throttled, 429, 'RATE_LIMITED');
    const wait = Number(throttled.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);

    expect((await signIn(OFFICE, email, PASSWORD)).status).toBe(200);
    // A third address that never failed is not slowed down either: the delays belong to the attacker's address.
    expect((await signIn('192.0.2.44', email, PASSWORD)).status).toBe(200);
    // And the office's success does not set the attacker free.
    expectError(await signIn(ATTACKER, email, PASSWORD), 429, 'RATE_LIMITED');
  });

  it('answers an unknown email exactly as an account: 401 five times, then the same 429', async () => {
    const email = await lawyerAtOffice();
    const nobody = 'nobody-here@casetrack.test';
    const known: Response[] = [];
    const unknown: Response[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await signIn(ATTACKER, email, WRONG));
      unknown.push(await signIn(ATTACKER, nobody, WRONG));
    }
    expect(known.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown.map((response) => response.status)).toEqual(known.map((response) => response.status));
    for (let i = 0; i < 6; i++) expect(unknown[i].body).toEqual(known[i].body);
    expect(Number(unknown[5].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('past the hourly bound for the account, refuses new addresses even the right password, not the office', async () => {
    const email = await lawyerAtOffice();
    // 8 failures (the bound in this app) from four addresses, two each: no address is slowed down on its own.
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      await failFrom(address, email, 2);
    }
    const refused = await signIn('192.0.2.55', email, PASSWORD);
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await signIn(OFFICE, email, PASSWORD)).status).toBe(200);

    // The same bound holds for an email nobody has, with the same answer.
    const nobody = 'nobody-bound@casetrack.test';
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      await failFrom(address, nobody, 2);
    }
    const unknown = await signIn('192.0.2.55', nobody, PASSWORD);
    expect(unknown.status).toBe(429);
    expect(unknown.body).toEqual(refused.body);
  });
});
