import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import request, { type Response, type Test } from 'supertest';
import { ADMIN, login, startTestApp, type TestApp } from '../support/test-app';
import { DAY, EventsTable, expectError, expectWritten, fromNow, post } from '../support/e2e';

/**
 * Issue 5, item 7: who may call what. Every route of the contract × every kind of caller, with the exact status.
 *
 * The tables below ARE the access rules; the tests are generated from them, one test per (route, caller) cell:
 * - a lawyer sees and writes only the cases they are assigned to; any other case is 404 NOT_FOUND, and lists,
 *   search, filters, statistics, the calendar, complaints and the agenda carry no trace of it;
 * - a coordinator sees and writes every case; only a coordinator erases a case or asks for internal-only data;
 * - an auditor reads every case, timeline, history, verification, dossier and the access log, and writes nothing;
 * - an admin manages users and reads no case data (403 FORBIDDEN);
 * - no token, an expired token and a revoked token are 401 UNAUTHENTICATED everywhere.
 * A refused write appends nothing (the case's stream version is unchanged).
 */

const CALLERS = [
  'lawyerAssigned',
  'lawyerOther',
  'coordinator',
  'auditor',
  'admin',
  'noToken',
  'expiredToken',
  'revokedToken',
] as const;
type Caller = (typeof CALLERS)[number];
type Person = Exclude<Caller, 'noToken' | 'expiredToken' | 'revokedToken'>;
type Expected = Record<Caller, number>;

const ERROR_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
const UNAUTHENTICATED = { noToken: 401, expiredToken: 401, revokedToken: 401 } as const;

/** A case write: the assigned lawyer and a coordinator may, a lawyer of other cases cannot see the case. */
const CASE_WRITE: Expected = {
  lawyerAssigned: 201,
  lawyerOther: 404,
  coordinator: 201,
  auditor: 403,
  admin: 403,
  ...UNAUTHENTICATED,
};
/** A read of one case (detail, timeline, history, verify, dossier). */
const CASE_READ: Expected = {
  lawyerAssigned: 200,
  lawyerOther: 404,
  coordinator: 200,
  auditor: 200,
  admin: 403,
  ...UNAUTHENTICATED,
};
/** A list over cases: every reader gets 200, narrowed to what they may see; an admin reads no case data. */
const CASE_LIST: Expected = { ...CASE_READ, lawyerOther: 200 };
/** Account routes any signed-in user may call. */
const SIGNED_IN = (status: number): Expected => ({
  lawyerAssigned: status,
  lawyerOther: status,
  coordinator: status,
  auditor: status,
  admin: status,
  ...UNAUTHENTICATED,
});
const ADMIN_ONLY = (status: number): Expected => ({
  lawyerAssigned: 403,
  lawyerOther: 403,
  coordinator: 403,
  auditor: 403,
  admin: status,
  ...UNAUTHENTICATED,
});
/** Needs no token at all: a missing, expired or revoked one is ignored. */
const PUBLIC: Expected = { ...SIGNED_IN(200), noToken: 200, expiredToken: 200, revokedToken: 200 };
const AUDIT_LOG: Expected = { ...ADMIN_ONLY(403), coordinator: 200, auditor: 200 };
/**
 * Erasing a case, and the dossier with internal-only allegations: a coordinator only. A lawyer not on the case gets
 * 403 like every other role that may never do this (the role is refused before the case is looked at, so the 403
 * says nothing about the case), not the 404 of a case they may not see.
 */
const COORDINATOR_ONLY_WRITE: Expected = { ...CASE_WRITE, lawyerAssigned: 403, lawyerOther: 403 };
const COORDINATOR_ONLY_READ: Expected = { ...CASE_READ, lawyerAssigned: 403, lawyerOther: 403, auditor: 403 };

const PASSWORD = 'a-long-test-password';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Account {
  id: string;
  email: string;
  token: string;
}

/** The ids a write route needs in its path or body, recorded by its setup steps. */
type Ids = Record<string, string>;

/**
 * A case prepared for a write route: opened by a coordinator, the assigned lawyer its lead, the route's setup done.
 * Each caller that may write gets one of its own; the callers that may not share one per route.
 */
interface Fixture {
  caseId: string;
  ids: Ids;
  version: number;
}

/** What a write route's setup may do on its fresh case (as the coordinator). */
interface SetupContext {
  caseId: string;
  ids: Ids;
  write(path: string, body: Record<string, unknown>): Promise<Record<string, string>>;
}

interface WriteRoute {
  /** The route as the contract writes it. */
  route: string;
  /** Facts the route needs first, e.g. a scheduled hearing before its outcome. */
  setup?: (c: SetupContext) => Promise<void>;
  /** The path under /v1/cases/:caseId. */
  path: (ids: Ids) => string;
  body: (ids: Ids) => Record<string, unknown>;
  expected: Expected;
}

const detention = { city: 'Almaty', place: 'Republic Square', authority: 'police' };
const charge = { code: 'criminal', article: '272', part: '2', title: 'Participation in mass riots' };
const hearing = () => ({ kind: 'preventive_measure', court: 'Almaly District Court', scheduledAt: fromNow(2 * DAY) });
const measure = () => ({ measure: 'pretrial_detention', until: fromNow(30 * DAY) });

const withDetention = async (c: SetupContext) => void (await c.write('/detention', detention));
const withCharge = async (c: SetupContext) => {
  c.ids.chargeId = (await c.write('/charges', charge)).chargeId;
};
const withHearing = async (c: SetupContext) => {
  c.ids.hearingId = (await c.write('/hearings', hearing())).hearingId;
};
const withComplaint = async (c: SetupContext) => {
  c.ids.complaintId = (await c.write('/complaints', { filedWith: 'prosecutor' })).complaintId;
};

describe('access matrix: every route × every caller answers the exact status', () => {
  let t: TestApp;
  // A pool: the matrix checks rows from cells that run side by side, and one client must not take two queries at once.
  let db: Pool;
  let events: EventsTable;
  const people = {} as Record<Person, Account>;
  /** A third lawyer, assigned and unassigned by the lawyer routes (never one of the callers). */
  let supportLawyer: Account;
  /** Tokens from a real sign-in of a coordinator and of an admin: one expired in the database, one signed out. */
  const expired = {} as Record<'coordinator' | 'admin', string>;
  const revoked = {} as Record<'coordinator' | 'admin', string>;

  /** A user created through the API by an admin; signed in for real, or (`signIn: false`) given a token row directly. */
  async function createAccount(
    role: 'lawyer' | 'coordinator' | 'auditor' | 'admin',
    name: string,
    signIn = true,
  ): Promise<Account> {
    const adminToken = people.admin?.token ?? (await login(t.http, ADMIN.email, ADMIN.password));
    const email = `${name}-${Math.random().toString(36).slice(2, 10)}@casetrack.test`;
    const created = await post(t.http, adminToken, '/v1/users', { email, name, role, password: PASSWORD });
    if (created.status !== 201) throw new Error(`create ${role}: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    return { id, email, token: signIn ? await login(t.http, email, PASSWORD) : await issueToken(id) };
  }

  /**
   * The token a caller presents. The three token columns get a token of their own in every cell (so that a cell the
   * app gets wrong, say a logout that accepts an expired token, cannot change what another cell sees), belonging to
   * someone who may call the route (a coordinator, or an admin on the admin routes): a 401 can only come from the
   * token's state.
   */
  async function tokenOf(caller: Caller, privileged: 'coordinator' | 'admin' = 'coordinator'): Promise<string | null> {
    if (caller === 'noToken') return null;
    if (caller === 'expiredToken') return expire(await issueToken(people[privileged].id));
    if (caller === 'revokedToken') return revoke(await issueToken(people[privileged].id));
    return people[caller].token;
  }

  /** Moves a working token's expiry into the past, in the database. */
  async function expire(token: string): Promise<string> {
    const updated = await db.query(
      `UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(token)],
    );
    if (updated.rowCount !== 1) throw new Error(`expected to expire one token row, updated ${updated.rowCount}`);
    return token;
  }

  /** Signs a working token out. */
  async function revoke(token: string): Promise<string> {
    const logout = await post(t.http, token, '/v1/auth/logout');
    if (logout.status !== 204) throw new Error(`logout: ${logout.status} ${JSON.stringify(logout.body)}`);
    return token;
  }

  const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

  /**
   * Another valid token of a user, written straight into access_tokens as the server stores it (the sha256 of the
   * token): the same as signing in, without paying for a password hash check each time.
   */
  async function issueToken(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `INSERT INTO access_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
      [sha256(token), userId],
    );
    return token;
  }

  /** The exact status; an error also has the contract's error body with the code of that status. */
  function expectStatus(response: Response, status: number): void {
    if (status >= 400) {
      expectError(response, status, ERROR_CODES[status]);
    } else if (response.status !== status) {
      throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = new Pool({ connectionString: t.database.url, max: 4 });
    events = await EventsTable.open(t.database.url);
    people.admin = await createAccount('admin', 'matrix-admin');
    [people.lawyerAssigned, people.lawyerOther, people.coordinator, people.auditor, supportLawyer] = await Promise.all([
      createAccount('lawyer', 'lawyer-assigned'),
      createAccount('lawyer', 'lawyer-other'),
      createAccount('coordinator', 'coordinator'),
      createAccount('auditor', 'auditor'),
      createAccount('lawyer', 'support-lawyer', false),
    ]);

    // The same two procedures on tokens from a real sign-in, checked once below and against the database.
    for (const role of ['coordinator', 'admin'] as const) {
      const toExpire = await login(t.http, people[role].email, PASSWORD);
      const before = await request(t.http).get('/v1/users/me').set('Authorization', `Bearer ${toExpire}`);
      if (before.status !== 200) throw new Error(`fresh token refused: ${before.status}`);
      expired[role] = await expire(toExpire);
      revoked[role] = await revoke(await login(t.http, people[role].email, PASSWORD));
    }
  });

  afterAll(async () => {
    await events?.close();
    await db?.end();
    await t?.close();
  });

  it('a token from a real sign-in, expired in the database or signed out, is refused and is such a row', async () => {
    for (const token of [expired.coordinator, revoked.coordinator, expired.admin, revoked.admin]) {
      for (const path of ['/v1/users/me', '/v1/cases']) {
        expectError(await request(t.http).get(path).set('Authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
      }
    }
    const rows = await db.query<{ token_hash: string; user_id: string; expired: boolean; revoked: boolean }>(
      `SELECT token_hash, user_id, expires_at <= now() AS expired, revoked_at IS NOT NULL AS revoked
         FROM access_tokens WHERE token_hash = ANY($1)`,
      [[expired.coordinator, revoked.coordinator, expired.admin, revoked.admin].map(sha256)],
    );
    const byHash = new Map(rows.rows.map((row) => [row.token_hash, row]));
    for (const role of ['coordinator', 'admin'] as const) {
      expect(byHash.get(sha256(expired[role]))).toMatchObject({
        user_id: people[role].id,
        expired: true,
        revoked: false,
      });
      expect(byHash.get(sha256(revoked[role]))).toMatchObject({
        user_id: people[role].id,
        expired: false,
        revoked: true,
      });
    }
  });

  // ───────────────────────────────────────────── reads ─────────────────────────────────────────────

  describe('reads', () => {
    /** A case of the assigned lawyer with words found nowhere else, so any trace of it in an answer shows. */
    const marker = Math.random().toString(36).slice(2, 8);
    const readCase = {
      fullName: `Nurlan Matrixov ${marker}`,
      city: `Zhezkazgan-${marker}`,
      // A number of the code no other test uses (an article is digits in groups: 9123.4567).
      article: `9${Math.floor(Math.random() * 1e3)}.${Math.floor(Math.random() * 1e4)}`,
      court: `Court ${marker}`,
    };
    let caseId = '';
    /** The position of the last write: every GET waits for the read models to include it. */
    let position = 0;

    /** The strings that may not appear in an answer to a caller who may not see the case. */
    const traces = () => [caseId, readCase.fullName, marker];

    interface ReadRoute {
      route: string;
      url: () => string;
      expected: Expected;
      /** For 200 answers: which callers must find the case in the answer (true) or no trace of it (false). */
      sees?: Partial<Record<Person, boolean>>;
      /** What shows the case is in the answer; the case id by default. */
      shows?: () => string[];
      pdf?: boolean;
    }

    const LIST_SEES = { lawyerAssigned: true, lawyerOther: false, coordinator: true, auditor: true };
    const c = () => `/v1/cases/${caseId}`;

    const READS: ReadRoute[] = [
      { route: 'GET /v1/cases', url: () => '/v1/cases?pageSize=100', expected: CASE_LIST, sees: LIST_SEES },
      {
        route: 'GET /v1/cases?q=<the case name>',
        url: () => `/v1/cases?q=${encodeURIComponent(readCase.fullName)}`,
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      {
        route: 'GET /v1/cases?lawyerId=<assigned lawyer>',
        url: () => `/v1/cases?lawyerId=${people.lawyerAssigned.id}&pageSize=100`,
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      {
        route: 'GET /v1/cases?city=<the case city>',
        url: () => `/v1/cases?city=${encodeURIComponent(readCase.city)}`,
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      { route: 'GET /v1/cases/:caseId', url: c, expected: CASE_READ },
      {
        route: 'GET /v1/cases/:caseId/timeline',
        url: () => `${c()}/timeline`,
        expected: CASE_READ,
        shows: () => [readCase.fullName],
      },
      {
        route: 'GET /v1/cases/:caseId/history?asOf=',
        url: () => `${c()}/history?asOf=2030-01-01T00:00:00Z`,
        expected: CASE_READ,
        shows: () => [readCase.fullName, readCase.court],
      },
      {
        route: 'GET /v1/cases/:caseId/history?asOf=&axis=occurred',
        url: () => `${c()}/history?asOf=2030-01-01T00:00:00Z&axis=occurred`,
        expected: CASE_READ,
        shows: () => [readCase.fullName, readCase.court],
      },
      {
        route: 'GET /v1/cases/:caseId/verify',
        url: () => `${c()}/verify`,
        expected: CASE_READ,
        shows: () => ['"valid":true'],
      },
      { route: 'GET /v1/cases/:caseId/dossier', url: () => `${c()}/dossier`, expected: CASE_READ },
      {
        route: 'GET /v1/cases/:caseId/dossier?format=pdf',
        url: () => `${c()}/dossier?format=pdf`,
        expected: CASE_READ,
        pdf: true,
      },
      {
        route: 'GET /v1/cases/:caseId/dossier?includeInternal=true',
        url: () => `${c()}/dossier?includeInternal=true`,
        expected: COORDINATOR_ONLY_READ,
      },
      {
        route: 'GET /v1/hearings',
        url: () => '/v1/hearings',
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      {
        route: 'GET /v1/hearings?court=<the case court>',
        url: () => `/v1/hearings?court=${encodeURIComponent(readCase.court)}`,
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      {
        route: 'GET /v1/complaints?overdue=true',
        url: () => '/v1/complaints?overdue=true',
        expected: CASE_LIST,
        sees: LIST_SEES,
      },
      {
        route: 'GET /v1/stats',
        url: () => '/v1/stats',
        expected: CASE_LIST,
        sees: LIST_SEES,
        shows: () => [readCase.city, readCase.article],
      },
      { route: 'GET /v1/agenda?days=30', url: () => '/v1/agenda?days=30', expected: CASE_LIST, sees: LIST_SEES },
      { route: 'GET /v1/reminders', url: () => '/v1/reminders', expected: CASE_LIST, sees: { lawyerOther: false } },
      { route: 'GET /v1/reminders?caseId=', url: () => `/v1/reminders?caseId=${caseId}`, expected: CASE_READ },
      { route: 'GET /v1/audit/access', url: () => '/v1/audit/access', expected: AUDIT_LOG, sees: {} },
      {
        route: 'GET /v1/audit/access?caseId=',
        url: () => `/v1/audit/access?caseId=${caseId}`,
        expected: AUDIT_LOG,
        sees: {},
      },
      {
        route: 'GET /v1/audit/access?userId=',
        url: () => `/v1/audit/access?userId=${people.lawyerAssigned.id}`,
        expected: AUDIT_LOG,
        sees: {},
      },
    ];

    async function write(path: string, body: Record<string, unknown>, token = people.lawyerAssigned.token) {
      const response = await post(t.http, token, path, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      position = Math.max(position, response.body.position as number);
      return response.body as Record<string, string>;
    }

    async function read(caller: Caller, route: ReadRoute): Promise<Response> {
      let call = request(t.http).get(route.url()).set('X-Min-Position', String(position));
      const token = await tokenOf(caller);
      if (token !== null) call = call.set('Authorization', `Bearer ${token}`);
      if (route.pdf) {
        // The PDF as bytes; an error answer is still the JSON error body.
        call = call.buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const json = /json/.test(String(res.headers['content-type']));
            done(null, json ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes);
          });
        });
      }
      return call;
    }

    beforeAll(async () => {
      // Opened by a coordinator, the lawyer assigned as lead; facts that reach every list, the stats and the agenda.
      const opened = await write(
        '/v1/cases',
        { detainee: { fullName: readCase.fullName, city: readCase.city }, source: { kind: 'relative' } },
        people.coordinator.token,
      );
      caseId = opened.caseId;
      const path = `/v1/cases/${caseId}`;
      await write(`${path}/lawyers`, { lawyerId: people.lawyerAssigned.id, role: 'lead' }, people.coordinator.token);
      await write(`${path}/detention`, { city: readCase.city, place: 'Central square', authority: 'police' });
      await write(`${path}/charges`, { code: 'criminal', article: readCase.article });
      await write(`${path}/hearings`, { kind: 'trial', court: readCase.court, scheduledAt: fromNow(2 * DAY) });
      await write(`${path}/preventive-measures`, { measure: 'pretrial_detention', until: fromNow(5 * DAY) });
      const allegation = await write(`${path}/torture-allegations`, {
        periodFrom: fromNow(-3 * DAY),
        methods: ['beating'],
        consent: 'internal_only',
      });
      await write(`${path}/complaints`, {
        allegationId: allegation.allegationId,
        filedWith: 'prosecutor',
        responseDueAt: fromNow(-DAY),
        occurredAt: fromNow(-2 * DAY),
      });
      // The other lawyer has a case of their own, so that their lists are not empty by accident.
      await write(
        '/v1/cases',
        { detainee: { fullName: 'Dana Serikkyzy', city: 'Taraz' }, source: { kind: 'relative' } },
        people.lawyerOther.token,
      );
    });

    const cells = READS.flatMap((route) =>
      CALLERS.map((caller) => [route.route, caller, route.expected[caller], route] as const),
    );

    it.concurrent.each(cells)('%s as %s → %i', async (_, caller, status, route) => {
      const response = await read(caller, route);
      expectStatus(response, status);
      const text = Buffer.isBuffer(response.body) ? '' : JSON.stringify(response.body);
      if (status !== 200) {
        for (const trace of traces()) expect(text).not.toContain(trace);
        return;
      }
      if (route.pdf) {
        expect(response.headers['content-type']).toBe('application/pdf');
        expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        return;
      }
      // Without a `sees` column every caller who gets 200 must find the case; with one, only those marked true.
      const sees = route.sees ? route.sees[caller as Person] : true;
      if (sees === false) {
        // Cross-lawyer: a 200 that does not betray the case in any way.
        for (const trace of [...traces(), readCase.city, readCase.article, readCase.court]) {
          expect(text).not.toContain(trace);
        }
      } else if (sees === true) {
        for (const shown of route.shows?.() ?? [caseId]) expect(text).toContain(shown);
      }
    });

    it("the other lawyer's own lists are narrowed to their case, not emptied: their case shows, ours does not", async () => {
      const token = people.lawyerOther.token;
      const list = await request(t.http)
        .get('/v1/cases?pageSize=100')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Min-Position', String(position));
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { fullName: string }) => item.fullName)).toEqual(['Dana Serikkyzy']);
      expect(list.body.total).toBe(1);
      const stats = await request(t.http)
        .get('/v1/stats')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Min-Position', String(position));
      expect(stats.body.byCity).toEqual([{ city: 'Taraz', count: 1 }]);
      expect(stats.body).toMatchObject({ tortureAllegations: 0, complaints: { filed: 0, overdue: 0 } });
    });
  });

  // ───────────────────────────── accounts, sign-in and the routes outside /v1 ─────────────────────────────

  describe('accounts, sign-in and the routes outside /v1', () => {
    interface AccountRoute {
      route: string;
      expected: Expected;
      privileged?: 'coordinator' | 'admin';
      /** Performs the call as `token` and checks its effect (done) or its absence (refused). */
      run(token: string | null, caller: Caller, allowed: boolean): Promise<Response>;
    }

    /** A throwaway lawyer account with a working token, inserted directly (no password hash to pay for). */
    async function throwawayAccount(): Promise<Account> {
      const email = `throwaway-${Math.random().toString(36).slice(2, 10)}@casetrack.test`;
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO users (id, email, name, role, password_hash) VALUES (gen_random_uuid(), $1, 'Throwaway', 'lawyer', 'x')
         RETURNING id`,
        [email],
      );
      const id = inserted.rows[0].id;
      return { id, email, token: await issueToken(id) };
    }
    const userEmail = (caller: Caller) => `new-${caller}-${Math.random().toString(36).slice(2, 8)}@casetrack.test`;
    const usersWithEmail = async (email: string) =>
      Number((await db.query(`SELECT count(*) AS n FROM users WHERE lower(email) = lower($1)`, [email])).rows[0].n);

    /** A GET with the caller's token, if any. */
    const getAs = (path: string, token: string | null): Test => {
      const call = request(t.http).get(path);
      return token === null ? call : call.set('Authorization', `Bearer ${token}`);
    };

    const ACCOUNTS: AccountRoute[] = [
      {
        route: 'POST /v1/users',
        expected: ADMIN_ONLY(201),
        privileged: 'admin',
        run: async (token, caller, allowed) => {
          const email = userEmail(caller);
          const response = await post(t.http, token, '/v1/users', {
            email,
            name: 'New',
            role: 'lawyer',
            password: PASSWORD,
          });
          expect(await usersWithEmail(email)).toBe(allowed ? 1 : 0);
          if (allowed) expect(response.body).toMatchObject({ id: expect.stringMatching(UUID), email, role: 'lawyer' });
          return response;
        },
      },
      {
        route: 'POST /v1/users/:id/disable',
        expected: ADMIN_ONLY(200),
        privileged: 'admin',
        run: async (token, _, allowed) => {
          const target = await throwawayAccount();
          const me = await request(t.http).get('/v1/users/me').set('Authorization', `Bearer ${target.token}`);
          expect(me.body).toMatchObject({ id: target.id });
          const response = await post(t.http, token, `/v1/users/${target.id}/disable`, {});
          const row = await db.query(`SELECT disabled_at FROM users WHERE id = $1`, [target.id]);
          expect(row.rows[0].disabled_at !== null).toBe(allowed);
          const after = await request(t.http).get('/v1/users/me').set('Authorization', `Bearer ${target.token}`);
          expect(after.status).toBe(allowed ? 401 : 200);
          if (allowed) expect(response.body).toEqual({ id: target.id, disabled: true });
          return response;
        },
      },
      {
        route: 'GET /v1/users/me',
        expected: SIGNED_IN(200),
        run: async (token, caller, allowed) => {
          const response = await getAs('/v1/users/me', token);
          if (allowed) expect(response.body).toMatchObject({ id: people[caller as Person].id });
          return response;
        },
      },
      {
        route: 'PUT /v1/users/me/notifications',
        expected: SIGNED_IN(200),
        run: async (token, caller, allowed) => {
          const email = userEmail(caller);
          let call = request(t.http).put('/v1/users/me/notifications');
          if (token !== null) call = call.set('Authorization', `Bearer ${token}`);
          const response = await call.send({ email });
          expect(
            Number(
              (await db.query(`SELECT count(*) AS n FROM users WHERE notification_email = $1`, [email])).rows[0].n,
            ),
          ).toBe(allowed ? 1 : 0);
          if (allowed) expect(response.body).toMatchObject({ email, deliversTo: email });
          return response;
        },
      },
      {
        route: 'POST /v1/auth/logout',
        expected: SIGNED_IN(204),
        run: async (token, caller, allowed) => {
          // A signed-in caller signs out a fresh token of theirs (their matrix token stays valid for the other cells).
          const own = allowed ? await issueToken(people[caller as Person].id) : token;
          const response = await post(t.http, own, '/v1/auth/logout');
          if (allowed) {
            const after = await request(t.http).get('/v1/users/me').set('Authorization', `Bearer ${own}`);
            expectError(after, 401, 'UNAUTHENTICATED');
          }
          return response;
        },
      },
      {
        route: 'POST /v1/auth/login',
        expected: PUBLIC,
        run: async (token, caller) => {
          // Each person signs in as themselves; a stale bearer sent along (the token columns) must not get in the way.
          const person = people[caller in people ? (caller as Person) : 'coordinator'];
          let call = request(t.http).post('/v1/auth/login');
          if (token !== null) call = call.set('Authorization', `Bearer ${token}`);
          const response = await call.send({ email: person.email, password: PASSWORD });
          if (response.status === 200) {
            expect(response.body.user).toMatchObject({ id: person.id, email: person.email });
            expect(typeof response.body.accessToken).toBe('string');
          }
          return response;
        },
      },
      {
        route: 'GET /admin/queues (Bull Board)',
        expected: ADMIN_ONLY(200),
        privileged: 'admin',
        run: async (token, _, allowed) => {
          const response = await getAs('/admin/queues', token);
          if (allowed) expect(response.headers['content-type']).toMatch(/^text\/html/);
          return response;
        },
      },
      {
        route: 'GET /metrics',
        expected: SIGNED_IN(200),
        run: async (token, _, allowed) => {
          const response = await getAs('/metrics', token);
          if (allowed) expect(response.headers['content-type']).toMatch(/^text\/plain/);
          return response;
        },
      },
      ...(['/health', '/docs'] as const).map((path): AccountRoute => ({
        route: `GET ${path}`,
        expected: PUBLIC,
        run: async (token) => {
          const response = await getAs(path, token);
          expect(response.headers['content-type']).toMatch(path === '/health' ? /json/ : /^text\//);
          return response;
        },
      })),
    ];

    const cells = ACCOUNTS.flatMap((route) =>
      CALLERS.map((caller) => [route.route, caller, route.expected[caller], route] as const),
    );

    it.concurrent.each(cells)('%s as %s → %i', async (_, caller, status, route) => {
      const response = await route.run(await tokenOf(caller, route.privileged), caller, status < 300);
      expectStatus(response, status);
    });
  });

  // ───────────────────────────────────────────── writes ─────────────────────────────────────────────

  describe('writes', () => {
    const WRITES: WriteRoute[] = [
      {
        route: 'POST /v1/cases/:caseId/lawyers',
        path: () => '/lawyers',
        body: () => ({ lawyerId: supportLawyer.id, role: 'support' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/lawyers/:lawyerId/unassign',
        setup: async (c) => void (await c.write('/lawyers', { lawyerId: supportLawyer.id, role: 'support' })),
        path: () => `/lawyers/${supportLawyer.id}/unassign`,
        body: () => ({ reason: 'Moved to another region' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/detention',
        path: () => '/detention',
        body: () => detention,
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/whereabouts-unknown',
        setup: withDetention,
        path: () => '/whereabouts-unknown',
        body: () => ({ reportedBy: 'his sister' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/transfers',
        setup: withDetention,
        path: () => '/transfers',
        body: () => ({ facility: { code: 'SI-18', name: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' } }),
        expected: CASE_WRITE,
      },
      { route: 'POST /v1/cases/:caseId/charges', path: () => '/charges', body: () => charge, expected: CASE_WRITE },
      {
        route: 'POST /v1/cases/:caseId/charges/:chargeId/requalify',
        setup: withCharge,
        path: (ids) => `/charges/${ids.chargeId}/requalify`,
        body: () => ({ article: '274', part: '2' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/charges/:chargeId/drop',
        setup: withCharge,
        path: (ids) => `/charges/${ids.chargeId}/drop`,
        body: () => ({ reason: 'No evidence' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/administrative-sanctions',
        path: () => '/administrative-sanctions',
        body: () => ({ kind: 'fine', amount: 36920, currency: 'KZT' }),
        expected: CASE_WRITE,
      },
      { route: 'POST /v1/cases/:caseId/hearings', path: () => '/hearings', body: hearing, expected: CASE_WRITE },
      {
        route: 'POST /v1/cases/:caseId/hearings/:hearingId/reschedule',
        setup: withHearing,
        path: (ids) => `/hearings/${ids.hearingId}/reschedule`,
        body: () => ({ scheduledAt: fromNow(3 * DAY), reason: 'The judge is on leave' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/hearings/:hearingId/cancel',
        setup: withHearing,
        path: (ids) => `/hearings/${ids.hearingId}/cancel`,
        body: () => ({ reason: 'Withdrawn' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/hearings/:hearingId/outcome',
        setup: withHearing,
        path: (ids) => `/hearings/${ids.hearingId}/outcome`,
        body: () => ({ outcome: 'Pre-trial detention for two months', durationMinutes: 25 }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/preventive-measures',
        setup: withDetention,
        path: () => '/preventive-measures',
        body: measure,
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/preventive-measures/extend',
        setup: async (c) => {
          await c.write('/detention', detention);
          await c.write('/preventive-measures', measure());
        },
        path: () => '/preventive-measures/extend',
        body: () => ({ until: fromNow(60 * DAY) }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/release-to-house-arrest',
        setup: withDetention,
        path: () => '/release-to-house-arrest',
        body: () => ({ until: fromNow(90 * DAY), address: 'Abay Ave 10' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/release',
        setup: withDetention,
        path: () => '/release',
        body: () => ({ grounds: 'bail', note: 'Met at the gate' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/access-denials',
        setup: withDetention,
        path: () => '/access-denials',
        body: () => ({ who: 'lawyer', details: 'Told he was "in the bath"' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/access-granted',
        setup: async (c) => void (await c.write('/access-denials', { who: 'lawyer' })),
        path: () => '/access-granted',
        body: () => ({ who: 'lawyer' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/torture-allegations',
        path: () => '/torture-allegations',
        body: () => ({ periodFrom: fromNow(-2 * DAY), methods: ['beating'], consent: 'anonymised' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/complaints',
        path: () => '/complaints',
        body: () => ({ filedWith: 'prosecutor', responseDueAt: fromNow(30 * DAY) }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/complaints/:complaintId/response',
        setup: withComplaint,
        path: (ids) => `/complaints/${ids.complaintId}/response`,
        body: () => ({ outcome: 'refused' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/complaints/:complaintId/pressure',
        setup: withComplaint,
        path: (ids) => `/complaints/${ids.complaintId}/pressure`,
        body: () => ({ details: 'Threatened the mother' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/identity',
        path: () => '/identity',
        body: () => ({ birthYear: 1988, occupation: 'Oil worker', publicRoles: ['activist'] }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/name-variants',
        path: () => '/name-variants',
        body: () => ({ variants: ['Жолатов Арман'] }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/pressure',
        path: () => '/pressure',
        body: () => ({ details: 'Mother told to sign a non-disclosure agreement', kind: 'nondisclosure_agreement' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/complaints/:complaintId/withdraw',
        setup: withComplaint,
        path: (ids) => `/complaints/${ids.complaintId}/withdraw`,
        body: () => ({ reason: 'Pressure on the family' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/medical',
        path: () => '/medical',
        body: () => ({ kind: 'need', details: 'Needs insulin twice a day' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/verdict',
        setup: withCharge,
        path: () => '/verdict',
        body: () => ({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 24 } }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/death',
        setup: withDetention,
        path: () => '/death',
        body: () => ({ circumstances: 'in_custody', bodyReleased: false }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/notes',
        path: () => '/notes',
        body: () => ({ text: 'Call the sister first' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/retractions',
        setup: async (c) => {
          await c.write('/notes', { text: 'Recorded on the wrong case' });
          c.ids.eventId = await events.eventId(c.caseId, 'NoteAdded');
        },
        path: () => '/retractions',
        body: (ids) => ({ eventId: ids.eventId, reason: 'Recorded on the wrong case' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/links',
        // The other case is one the assigned lawyer defends too, projected before the link is asked for.
        setup: async (c) => {
          const token = people.coordinator.token;
          const other = await post(t.http, token, '/v1/cases', {
            detainee: { fullName: 'Aidos Matrixuly', city: 'Almaty' },
            source: { kind: 'relative' },
          });
          const otherId = other.body.caseId as string;
          const assigned = await post(t.http, token, `/v1/cases/${otherId}/lawyers`, {
            lawyerId: people.lawyerAssigned.id,
            role: 'lead',
          });
          const seen = await request(t.http)
            .get(`/v1/cases/${otherId}`)
            .set('Authorization', `Bearer ${token}`)
            .set('X-Min-Position', String(assigned.body.position));
          if (seen.status !== 200) throw new Error(`links setup: ${seen.status}`);
          c.ids.otherCaseId = otherId;
        },
        path: () => '/links',
        body: (ids) => ({ caseId: ids.otherCaseId, relation: 'co_detainee', note: 'Held in the same cell' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/close',
        path: () => '/close',
        body: () => ({ reason: 'The family asked to pause' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/reopen',
        setup: async (c) => void (await c.write('/close', { reason: 'Paused' })),
        path: () => '/reopen',
        body: () => ({ reason: 'The family asked to resume' }),
        expected: CASE_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/merge',
        // The survivor: another case, which the merge reads from its stream (no projection to wait for).
        setup: async (c) => {
          const other = await post(t.http, people.coordinator.token, '/v1/cases', {
            detainee: { fullName: 'Aidos Matrixuly', city: 'Almaty' },
            source: { kind: 'relative' },
          });
          c.ids.intoCaseId = other.body.caseId as string;
        },
        path: () => '/merge',
        body: (ids) => ({ intoCaseId: ids.intoCaseId, reason: 'The same person, entered twice' }),
        expected: COORDINATOR_ONLY_WRITE,
      },
      {
        route: 'POST /v1/cases/:caseId/erase',
        path: () => '/erase',
        body: () => ({ reason: 'The family asked for erasure' }),
        expected: COORDINATOR_ONLY_WRITE,
      },
    ];

    /** Per route: one fresh case for each caller that may write, one shared case for the callers that may not. */
    const fixtures = new Map<string, Fixture>();
    const fixtureKey = (route: WriteRoute, caller: Caller) =>
      `${route.route}|${route.expected[caller] === 201 ? caller : 'refused'}`;

    async function prepare(route: WriteRoute): Promise<Fixture> {
      const coordinator = people.coordinator.token;
      const opened = await post(t.http, coordinator, '/v1/cases', {
        detainee: { fullName: 'Aidos Matrixuly', city: 'Almaty' },
        source: { kind: 'relative' },
      });
      if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      const caseId = opened.body.caseId as string;
      const context: SetupContext = {
        caseId,
        ids: {},
        write: async (path, body) => {
          const response = await post(t.http, coordinator, `/v1/cases/${caseId}${path}`, body);
          if (response.status !== 201) {
            throw new Error(`${route.route} setup ${path}: ${response.status} ${JSON.stringify(response.body)}`);
          }
          return response.body as Record<string, string>;
        },
      };
      await context.write('/lawyers', { lawyerId: people.lawyerAssigned.id, role: 'lead' });
      await route.setup?.(context);
      return { caseId, ids: context.ids, version: await events.versionOf(caseId) };
    }

    beforeAll(async () => {
      const wanted = new Map<string, WriteRoute>();
      for (const route of WRITES) for (const caller of CALLERS) wanted.set(fixtureKey(route, caller), route);
      await Promise.all(
        [...wanted].map(async ([key, route]) => {
          fixtures.set(key, await prepare(route));
        }),
      );
    });

    const queues = new Map<string, Promise<unknown>>();
    /** Runs `work` after every earlier piece of work queued under the same key has finished. */
    function oneAtATime(key: string, work: () => Promise<void>): Promise<void> {
      const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
      queues.set(key, run);
      return run;
    }

    const cells = WRITES.flatMap((route) =>
      CALLERS.map((caller) => [route.route, caller, route.expected[caller], route] as const),
    );

    it.concurrent.each(cells)('%s as %s → %i', async (_, caller, status, route) => {
      const fixture = fixtures.get(fixtureKey(route, caller));
      if (!fixture) throw new Error(`no fixture for ${route.route} × ${caller}`);
      const token = await tokenOf(caller);
      const call = () =>
        post(t.http, token, `/v1/cases/${fixture.caseId}${route.path(fixture.ids)}`, route.body(fixture.ids));
      if (status === 201) {
        const response = await call();
        expectWritten(response, fixture.caseId, fixture.version + 1);
        const stream = await events.storedOfCase(fixture.caseId);
        expect(stream).toHaveLength(fixture.version + 1);
        expect(stream[stream.length - 1].metadata).toMatchObject({ actorId: people[caller as Person].id });
      } else {
        // The refused callers share one case per route: one at a time on it, so that the stream version read just
        // before and just after a call shows what that call (and only it) appended.
        await oneAtATime(fixture.caseId, async () => {
          const before = await events.versionOf(fixture.caseId);
          expectError(await call(), status, ERROR_CODES[status]);
          expect(await events.versionOf(fixture.caseId)).toBe(before);
        });
      }
    });

    describe('POST /v1/cases (opening a case: any lawyer or coordinator)', () => {
      // No case exists yet: both lawyer columns are simply lawyers, and any lawyer may open a case.
      const OPEN: Expected = { ...CASE_WRITE, lawyerOther: 201 };
      const openCells = CALLERS.map((caller) => [caller, OPEN[caller]] as const);

      it.each(openCells)('POST /v1/cases as %s → %i', async (caller, status) => {
        const before = await events.count();
        const response = await post(t.http, await tokenOf(caller), '/v1/cases', {
          detainee: { fullName: `Opened by ${caller}`, city: 'Almaty' },
          source: { kind: 'lawyer' },
        });
        if (status === 201) {
          const opener = people[caller as Person];
          // A lawyer who opens a case is assigned as its lead: CaseOpened + LawyerAssigned.
          const lawyer = caller === 'lawyerAssigned' || caller === 'lawyerOther';
          expectWritten(response, response.body.caseId, lawyer ? 2 : 1);
          const stream = await events.storedOfCase(response.body.caseId);
          expect(stream.every((event) => event.metadata.actorId === opener.id)).toBe(true);
          expect(await events.count()).toBe(before + (lawyer ? 2 : 1));
        } else {
          expectError(response, status, ERROR_CODES[status]);
          expect(await events.count()).toBe(before);
        }
      });
    });
  });
});
