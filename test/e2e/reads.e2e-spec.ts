import request, { type Response, type Test } from 'supertest';
import { ProjectorService } from '@casetrack/read-model';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, EventsTable, expectError, expectValidation, fromNow, post } from '../support/e2e';

const SECRET = 'SECRET-TESTIMONY';

const SUMMARY_KEYS = [
  'caseId',
  'fullName',
  'nameVariants',
  'city',
  'status',
  'closed',
  'currentFacility',
  'charges',
  'lawyers',
  'nextHearing',
  'measure',
  'expectedReleaseAt',
  'expectedReleasePrecision',
  'termEnded',
  'openComplaints',
  'tortureAllegations',
  'vulnerabilities',
  // Issue 12 (identities that grow): human-rights defender, journalist...
  'publicRoles',
  'version',
  'lastRecordedAt',
].sort();

/**
 * The Reads section of the contract served from the read models: cases (list, filters, search, pagination,
 * detail), hearings calendar, complaints, statistics, agenda; access rules per role; read-your-writes.
 */
describe('reads', () => {
  let t: TestApp;
  let lawyerA: TestUser;
  let lawyerB: TestUser;
  let coordinator: TestUser;
  let auditor: TestUser;
  let admin: TestUser;
  /** The highest write position so far: every read waits for it (read-your-writes). */
  let position = 0;

  let arman: string;
  let dana: string;
  let yerlan: string;
  let armanHearing: string;

  async function write(token: string, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  async function open(token: string, fullName: string, city: string, extra: Record<string, unknown> = {}) {
    const response = await write(token, '/v1/cases', {
      detainee: { fullName, city, ...extra },
      source: { kind: 'relative' },
    });
    return response.body.caseId as string;
  }

  function read(user: TestUser, path: string, minPosition: number | null = position): Test {
    const call = request(t.http).get(path).set('Authorization', `Bearer ${user.token}`);
    return minPosition === null ? call : call.set('X-Min-Position', String(minPosition));
  }

  async function ok(
    user: TestUser,
    path: string,
  ): Promise<Record<string, unknown> & { items: Array<Record<string, unknown>> }> {
    const response = await read(user, path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const ids = (body: { items: Array<Record<string, unknown>> }): string[] => body.items.map((i) => i.caseId as string);

  beforeAll(async () => {
    t = await startTestApp();
    [lawyerA, lawyerB, coordinator, auditor, admin] = await Promise.all([
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'auditor'),
      createUser(t.http, 'admin'),
    ]);

    // Lawyer A's client: detained, moved to a pre-trial facility, charged, a hearing, a measure, torture, a complaint.
    arman = await open(lawyerA.token, 'Arman Zholatov', 'Almaty', {
      nameVariants: ['Арман Жолатов'],
      vulnerabilities: ['chronic_illness'],
    });
    const c = `/v1/cases/${arman}`;
    await write(lawyerA.token, `${c}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      circumstances: SECRET,
    });
    await write(lawyerA.token, `${c}/transfers`, {
      facility: { code: 'LA-155/18', name: 'SIZO 18', city: 'Almaty', kind: 'pretrial_detention' },
    });
    await write(lawyerA.token, `${c}/charges`, { code: 'criminal', article: '272', part: '2', title: 'mass disorder' });
    armanHearing = (
      await write(lawyerA.token, `${c}/hearings`, {
        kind: 'preventive_measure',
        court: 'Almaly District Court',
        scheduledAt: fromNow(2 * DAY),
      })
    ).body.hearingId;
    await write(lawyerA.token, `${c}/preventive-measures`, { measure: 'pretrial_detention', until: fromNow(5 * DAY) });
    const allegation = await write(lawyerA.token, `${c}/torture-allegations`, {
      periodFrom: fromNow(-3 * DAY),
      methods: ['beating'],
      perpetrators: SECRET,
      witnesses: SECRET,
      consent: 'anonymised',
    });
    await write(lawyerA.token, `${c}/complaints`, {
      allegationId: allegation.body.allegationId,
      filedWith: 'prosecutor',
      responseDueAt: fromNow(-1 * DAY),
      occurredAt: fromNow(-2 * DAY),
    });
    await write(lawyerA.token, `${c}/notes`, { text: SECRET });

    // Lawyer B's client, released, in another city.
    dana = await open(lawyerB.token, 'Dana Serikkyzy', 'Taraz', { vulnerabilities: ['minor'] });
    await write(lawyerB.token, `/v1/cases/${dana}/detention`, { city: 'Taraz', place: 'street', authority: 'police' });
    await write(lawyerB.token, `/v1/cases/${dana}/charges`, { code: 'administrative', article: '488' });
    await write(lawyerB.token, `/v1/cases/${dana}/release`, { grounds: 'administrative_term_served' });

    // A coordinator's intake, nobody assigned yet: missing, a hearing far ahead.
    yerlan = await open(coordinator.token, 'Yerlan Kh', 'Almaty');
    await write(coordinator.token, `/v1/cases/${yerlan}/whereabouts-unknown`, {});
    await write(coordinator.token, `/v1/cases/${yerlan}/hearings`, {
      kind: 'trial',
      court: 'Taraz City Court',
      scheduledAt: fromNow(20 * DAY),
    });
  });

  afterAll(() => t.close());

  describe('GET /v1/cases', () => {
    it('lists every case for a coordinator, with exactly the summary fields', async () => {
      const body = await ok(coordinator, '/v1/cases');
      expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(ids(body).sort()).toEqual([arman, dana, yerlan].sort());
      for (const item of body.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
      const a = body.items.find((i) => i.caseId === arman);
      expect(a).toMatchObject({
        fullName: 'Arman Zholatov',
        nameVariants: ['Арман Жолатов'],
        city: 'Almaty',
        status: 'in_pretrial_detention',
        closed: false,
        currentFacility: { code: 'LA-155/18', name: 'SIZO 18', city: 'Almaty', kind: 'pretrial_detention' },
        charges: [{ code: 'criminal', article: '272', part: '2', title: 'mass disorder', status: 'active' }],
        lawyers: [{ lawyerId: lawyerA.id, role: 'lead' }],
        nextHearing: { hearingId: armanHearing, kind: 'preventive_measure', court: 'Almaly District Court' },
        measure: { measure: 'pretrial_detention' },
        openComplaints: 1,
        tortureAllegations: 1,
        vulnerabilities: ['chronic_illness'],
      });
      expect(JSON.stringify(body)).not.toContain(SECRET);
    });

    it.each([
      ['status=missing', () => [yerlan]],
      ['city=almaty', () => [arman, yerlan]],
      ['facility=la-155%2F18', () => [arman]],
      ['article=272', () => [arman]],
      ['vulnerability=minor', () => [dana]],
      ['status=in_pretrial_detention&city=Taraz', () => []],
    ])('filters by %s', async (query, expected) => {
      expect(ids(await ok(coordinator, `/v1/cases?${query}`)).sort()).toEqual(expected().sort());
    });

    it('filters by lawyerId', async () => {
      expect(ids(await ok(coordinator, `/v1/cases?lawyerId=${lawyerB.id}`))).toEqual([dana]);
    });

    it('paginates with a stable order and the total', async () => {
      const first = await ok(coordinator, '/v1/cases?page=1&pageSize=2');
      const second = await ok(coordinator, '/v1/cases?page=2&pageSize=2');
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(1);
      expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
      expect((await ok(coordinator, '/v1/cases?page=9')).items).toEqual([]);
    });

    it('finds names across spellings and scripts (q)', async () => {
      expect(ids(await ok(coordinator, '/v1/cases?q=zholatov'))).toEqual([arman]);
      expect(ids(await ok(coordinator, '/v1/cases?q=%D0%96%D0%BE%D0%BB%D0%B0%D1%82%D0%BE%D0%B2'))).toEqual([arman]);
      expect(ids(await ok(coordinator, '/v1/cases?q=ARMAN%20ZHOLATOV'))).toEqual([arman]);
      expect((await ok(coordinator, '/v1/cases?q=Tokayev')).items).toEqual([]);
      expect(ids(await ok(coordinator, '/v1/cases?q=Jolatov'))).toEqual([arman]);
    });

    it.each([
      ['unknown parameter', 'colour=red', 'colour'],
      ['pageSize above 100', 'pageSize=101', 'pageSize'],
      ['page 0', 'page=0', 'page'],
      ['unknown status', 'status=vanished', 'status'],
      ['unknown vulnerability', 'vulnerability=tall', 'vulnerability'],
      ['lawyerId not a UUID', 'lawyerId=42', 'lawyerId'],
    ])('rejects %s with 400', async (_, query, field) => {
      expectValidation(await read(coordinator, `/v1/cases?${query}`), field);
    });
  });

  describe('GET /v1/cases/:caseId', () => {
    it('adds hearings, complaints, allegations (without testimony), transfers, measures, access denials', async () => {
      const response = await read(lawyerA, `/v1/cases/${arman}`);
      expect(response.status).toBe(200);
      const body = response.body;
      for (const key of [
        ...SUMMARY_KEYS,
        'hearings',
        'complaints',
        'allegations',
        'transfers',
        'measures',
        'accessDenials',
      ]) {
        expect(body).toHaveProperty(key);
      }
      expect(body.hearings).toEqual([expect.objectContaining({ hearingId: armanHearing, status: 'scheduled' })]);
      expect(body.complaints).toEqual([expect.objectContaining({ status: 'awaiting', overdue: true })]);
      expect(body.allegations).toEqual([expect.objectContaining({ methods: ['beating'], consent: 'anonymised' })]);
      expect(body.transfers).toHaveLength(1);
      expect(body.measures).toEqual([expect.objectContaining({ change: 'imposed', measure: 'pretrial_detention' })]);
      expect(JSON.stringify(body)).not.toContain(SECRET);
    });

    it('is 404 for a case the lawyer is not assigned to, and for an unknown case', async () => {
      expectError(await read(lawyerB, `/v1/cases/${arman}`), 404, 'NOT_FOUND');
      expectError(await read(coordinator, '/v1/cases/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
      expectError(await read(coordinator, '/v1/cases/not-a-uuid'), 404, 'NOT_FOUND');
    });

    it('is readable by an auditor; an admin reads no case data (403)', async () => {
      expect((await read(auditor, `/v1/cases/${arman}`)).status).toBe(200);
      expectError(await read(admin, `/v1/cases/${arman}`), 403, 'FORBIDDEN');
      for (const path of ['/v1/cases', '/v1/hearings', '/v1/complaints', '/v1/stats', '/v1/agenda']) {
        expectError(await read(admin, path), 403, 'FORBIDDEN');
      }
    });
  });

  describe('lawyer isolation', () => {
    it('a lawyer lists and searches only their own cases', async () => {
      expect(ids(await ok(lawyerA, '/v1/cases'))).toEqual([arman]);
      expect(ids(await ok(lawyerB, '/v1/cases'))).toEqual([dana]);
      expect((await ok(lawyerB, '/v1/cases?q=zholatov')).items).toEqual([]);
      expect((await ok(lawyerB, `/v1/cases?lawyerId=${lawyerA.id}`)).total).toBe(0);
    });

    it('calendar, complaints, statistics and agenda cover only their cases', async () => {
      expect((await ok(lawyerB, '/v1/hearings')).items).toEqual([]);
      expect((await ok(lawyerB, '/v1/complaints')).items).toEqual([]);
      expect((await ok(lawyerB, '/v1/agenda?days=30')).items).toEqual([]);
      const stats = await ok(lawyerB, '/v1/stats');
      expect(stats.byStatus).toMatchObject({ released: 1, in_pretrial_detention: 0, missing: 0 });
      expect(stats).toMatchObject({ tortureAllegations: 0, deaths: 0, byCity: [{ city: 'Taraz', count: 1 }] });
    });
  });

  describe('GET /v1/hearings', () => {
    it('lists upcoming hearings soonest first with the detainee name', async () => {
      const body = await ok(coordinator, '/v1/hearings');
      expect(body.items.map((h) => h.caseId)).toEqual([arman, yerlan]);
      expect(Object.keys(body.items[0]).sort()).toEqual(
        [
          'hearingId',
          'caseId',
          'fullName',
          'kind',
          'court',
          'judge',
          'scheduledAt',
          'status',
          // What the court day's board adds (issue 17).
          'scheduledAtPrecision',
          'lawyers',
          'held',
          'caseStatus',
          'measure',
          'caseVersion',
        ].sort(),
      );
      expect(body.items[0]).toMatchObject({ hearingId: armanHearing, fullName: 'Arman Zholatov', status: 'scheduled' });
    });

    it('filters by from/to, lawyerId and court', async () => {
      const to = encodeURIComponent(fromNow(10 * DAY));
      expect((await ok(coordinator, `/v1/hearings?to=${to}`)).items.map((h) => h.caseId)).toEqual([arman]);
      const from = encodeURIComponent(fromNow(10 * DAY));
      expect((await ok(coordinator, `/v1/hearings?from=${from}`)).items.map((h) => h.caseId)).toEqual([yerlan]);
      expect((await ok(coordinator, `/v1/hearings?lawyerId=${lawyerA.id}`)).items.map((h) => h.caseId)).toEqual([
        arman,
      ]);
      expect((await ok(coordinator, '/v1/hearings?court=taraz')).items.map((h) => h.caseId)).toEqual([yerlan]);
      expectValidation(await read(coordinator, '/v1/hearings?from=2022-01-01'), 'from');
    });
  });

  describe('GET /v1/complaints', () => {
    it('filters by status and overdue', async () => {
      const overdue = await ok(coordinator, '/v1/complaints?overdue=true');
      expect(overdue.items).toEqual([expect.objectContaining({ caseId: arman, status: 'awaiting', overdue: true })]);
      expect((await ok(coordinator, '/v1/complaints?status=answered')).items).toEqual([]);
      expect((await ok(coordinator, '/v1/complaints?overdue=false')).items).toEqual([]);
      expectValidation(await read(coordinator, '/v1/complaints?overdue=maybe'), 'overdue');
    });
  });

  describe('GET /v1/stats', () => {
    it('counts by status, city, article, facility, with allegations, complaints and deaths', async () => {
      const stats = await ok(coordinator, '/v1/stats');
      expect(stats.byStatus).toMatchObject({ in_pretrial_detention: 1, released: 1, missing: 1, deceased: 0 });
      expect(stats.byCity).toEqual([
        { city: 'Almaty', count: 2 },
        { city: 'Taraz', count: 1 },
      ]);
      expect(stats.byArticle).toEqual([
        { article: '272', title: 'mass disorder', count: 1 },
        { article: '488', title: null, count: 1 },
      ]);
      expect(stats.byFacility).toEqual([
        { facility: 'LA-155/18', code: 'LA-155/18', name: 'SIZO 18', city: 'Almaty', count: 1 },
      ]);
      expect(stats).toMatchObject({
        tortureAllegations: 1,
        complaints: { filed: 1, investigationOpened: 0, refused: 0, awaiting: 1, overdue: 1 },
        deaths: 0,
      });
    });
  });

  describe('GET /v1/agenda', () => {
    it("lists the lawyer's deadlines soonest first: overdue complaint, hearing, measure ending", async () => {
      const body = await ok(lawyerA, '/v1/agenda?days=7');
      expect(body.items.map((i) => i.kind)).toEqual(['complaint_overdue', 'hearing', 'measure_ends']);
      expect(body.items.every((i) => i.caseId === arman)).toBe(true);
      expect((await ok(lawyerA, '/v1/agenda?days=1')).items.map((i) => i.kind)).toEqual(['complaint_overdue']);
    });

    it('covers every open case for a coordinator, and rejects days outside 1..90', async () => {
      const kinds = (await ok(coordinator, '/v1/agenda?days=30')).items.map((i) => `${i.kind}:${i.caseId}`);
      expect(kinds).toEqual([
        `complaint_overdue:${arman}`,
        `hearing:${arman}`,
        `measure_ends:${arman}`,
        `hearing:${yerlan}`,
      ]);
      expectValidation(await read(coordinator, '/v1/agenda?days=91'), 'days');
      expectValidation(await read(coordinator, '/v1/agenda?days=0'), 'days');
    });
  });

  describe('retractions', () => {
    it('a retracted hearing leaves the calendar and the agenda; a retracted release restores the status', async () => {
      const events = await EventsTable.open(t.database.url);
      try {
        const hearingEvent = await events.eventId(yerlan, 'HearingScheduled');
        const releaseEvent = await events.eventId(dana, 'Released');
        await write(coordinator.token, `/v1/cases/${yerlan}/retractions`, {
          eventId: hearingEvent,
          reason: 'wrong case',
        });
        await write(coordinator.token, `/v1/cases/${dana}/retractions`, {
          eventId: releaseEvent,
          reason: 'not yet released',
        });
      } finally {
        await events.close();
      }

      expect((await ok(coordinator, '/v1/hearings')).items.map((h) => h.caseId)).toEqual([arman]);
      const agenda = await ok(coordinator, '/v1/agenda?days=30');
      expect(agenda.items.some((i) => i.caseId === yerlan)).toBe(false);
      expect((await ok(coordinator, `/v1/cases/${dana}`)).status).toBe('in_police_custody');
      expect(((await ok(coordinator, '/v1/stats')).byStatus as Record<string, number>).released).toBe(0);
    });
  });

  describe('X-Min-Position', () => {
    it('rejects a header that is not a non-negative integer', async () => {
      for (const path of ['/v1/cases', '/v1/reminders']) {
        for (const bad of ['-1', 'abc', '1.5']) {
          expectValidation(await read(coordinator, path, null).set('X-Min-Position', bad), 'X-Min-Position');
        }
      }
    });

    it('answers 503 PROJECTION_LAGGING with Retry-After when the projector does not get there in time', async () => {
      const service = t.app.get(ProjectorService);
      await service.stop();
      const written = await write(lawyerA.token, `/v1/cases/${arman}/notes`, { text: 'x' });
      try {
        const started = Date.now();
        // The reminder log is written by the projector too, so it waits like the read models.
        const responses = await Promise.all(
          [`/v1/cases/${arman}`, `/v1/reminders?caseId=${arman}`].map((path) =>
            read(lawyerA, path, written.body.position as number),
          ),
        );
        for (const response of responses) {
          expectError(response, 503, 'PROJECTION_LAGGING');
          expect(response.headers['retry-after']).toBe('1');
        }
        expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
      } finally {
        await service.start();
      }
      const caughtUp = await read(lawyerA, `/v1/cases/${arman}`);
      expect(caughtUp.status).toBe(200);
      expect(caughtUp.body.version).toBe(written.body.version);
    });
  });

  describe('/health and /metrics', () => {
    it('/health reports the projector lag to an admin', async () => {
      await read(coordinator, '/v1/cases');
      const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
      const response = await request(t.http).get('/health').set('Authorization', `Bearer ${adminToken}`);
      expect(response.body.checks.projector).toMatchObject({ status: 'up', lag: { events: 0, seconds: 0 } });
      expect(response.body.checks.projector.lag.checkpoint).toBeGreaterThan(0);
    });

    it('/metrics exposes the lag gauges and process metrics to a signed-in caller, and needs a token', async () => {
      expectError(await request(t.http).get('/metrics'), 401, 'UNAUTHENTICATED');
      const response = await request(t.http).get('/metrics').set('Authorization', `Bearer ${coordinator.token}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.text).toMatch(/^casetrack_projector_lag_events \d+$/m);
      expect(response.text).toMatch(/^casetrack_projector_lag_seconds [\d.]+$/m);
      expect(response.text).toContain('process_cpu_user_seconds_total');
    });
  });
});
