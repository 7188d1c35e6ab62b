import request from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import {
  DAY,
  EventsTable,
  expectError,
  expectValidation,
  expectWritten,
  fromNow,
  openCaseBody,
  post,
} from '../support/e2e';

const MINUTE = 60_000;

describe('errors: every failure answers the contract body {statusCode, code, message, details}', () => {
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let auditor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    [coordinator, lawyer, auditor, admin] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'auditor'),
      createUser(t.http, 'admin'),
    ]);
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  /** A fresh case opened by the coordinator (version 1). */
  async function openCase(name = 'Timur Akhmetov'): Promise<string> {
    const response = await post(t.http, coordinator.token, '/v1/cases', openCaseBody(name, 'Almaty'));
    expectWritten(response, response.body.caseId, 1);
    return response.body.caseId as string;
  }

  /** A write by the coordinator that must succeed; answers the body. */
  async function ok(caseId: string, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const before = await events.versionOf(caseId);
    const response = await post(t.http, coordinator.token, `/v1/cases/${caseId}${path}`, body);
    expectWritten(response, caseId, before + 1);
    return response.body as Record<string, unknown>;
  }

  /** A write that must be refused with `status`/`code` and leave the whole event store untouched. */
  async function refused(
    caseId: string,
    path: string,
    body: unknown,
    status: number,
    code: string,
    token = coordinator.token,
    headers: Record<string, string> = {},
  ) {
    const before = await events.count();
    const response = await post(t.http, token, `/v1/cases/${caseId}${path}`, body, headers);
    expectError(response, status, code);
    expect(await events.count()).toBe(before);
    return response;
  }

  describe('400 VALIDATION_FAILED', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await openCase();
    });

    it('names a missing nested field by its dotted path (detainee.fullName) and appends nothing', async () => {
      const before = await events.count();
      const response = await post(t.http, coordinator.token, '/v1/cases', {
        detainee: { city: 'Almaty' },
        source: { kind: 'relative' },
      });
      expectValidation(response, 'detainee.fullName');
      expect(await events.count()).toBe(before);
    });

    it('treats a blank name as missing', async () => {
      const response = await post(t.http, coordinator.token, '/v1/cases', {
        detainee: { fullName: '   ', city: 'Almaty' },
        source: { kind: 'relative' },
      });
      expectValidation(response, 'detainee.fullName');
    });

    it('rejects an unknown top-level field', async () => {
      const response = await refused(
        caseId,
        '/notes',
        { text: 'Visited him today', mood: 'calm' },
        400,
        'VALIDATION_FAILED',
      );
      expectValidation(response, 'mood');
    });

    it('rejects an unknown nested field', async () => {
      const before = await events.count();
      const body = openCaseBody();
      (body.detainee as Record<string, unknown>).nickname = 'Arik';
      const response = await post(t.http, coordinator.token, '/v1/cases', body);
      expectValidation(response, 'detainee.nickname');
      expect(await events.count()).toBe(before);
    });

    it('rejects a value outside an enumeration (nested and top-level)', async () => {
      const before = await events.count();
      const opened = await post(t.http, coordinator.token, '/v1/cases', {
        detainee: { fullName: 'Timur Akhmetov', city: 'Almaty' },
        source: { kind: 'rumour' },
      });
      expectValidation(opened, 'source.kind');
      expect(await events.count()).toBe(before);

      const detention = await refused(
        caseId,
        '/detention',
        { city: 'Almaty', place: 'Square', authority: 'army' },
        400,
        'VALIDATION_FAILED',
      );
      expectValidation(detention, 'authority');
    });

    it('names a field inside an array item by its index (evidence.0.sha256)', async () => {
      const response = await refused(
        caseId,
        '/torture-allegations',
        {
          periodFrom: fromNow(-DAY),
          methods: ['beating'],
          evidence: [{ kind: 'photo', reference: 'photos/1.jpg', sha256: 'not-a-hash' }],
          consent: 'full',
        },
        400,
        'VALIDATION_FAILED',
      );
      expectValidation(response, 'evidence.0.sha256');
    });

    it('rejects an occurredAt without an offset and an unknown precision', async () => {
      const response = await refused(
        caseId,
        '/notes',
        { text: 'x', occurredAt: '2024-05-01T10:00:00', occurredAtPrecision: 'week' },
        400,
        'VALIDATION_FAILED',
      );
      expectValidation(response, 'occurredAt', 'occurredAtPrecision');
    });

    it('rejects times that name no real day, hour or offset instead of rolling them over', async () => {
      for (const occurredAt of ['2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z', '2024-04-31T10:00:00+05:00']) {
        const response = await refused(caseId, '/notes', { text: 'x', occurredAt }, 400, 'VALIDATION_FAILED');
        expectValidation(response, 'occurredAt');
      }
      for (const scheduledAt of [
        '2030-02-30T10:00+05:00',
        '2030-01-01T24:00:00Z',
        '2030-01-01T10:60:00Z',
        '2030-01-01T10:00:00+25:00',
      ]) {
        const response = await refused(
          caseId,
          '/hearings',
          { kind: 'trial', court: 'City court', scheduledAt },
          400,
          'VALIDATION_FAILED',
        );
        expectValidation(response, 'scheduledAt');
      }
      // A leap day is a real day.
      const leap = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, {
        text: 'x',
        occurredAt: '2024-02-29T23:30:00+05:00',
      });
      expect(leap.status).toBe(201);
    });

    it('rejects amounts in exponent form or with more than two decimals with 400, not 500', async () => {
      // Found by the property test: class-validator's maxDecimalPlaces threw on 5e-324.
      for (const amount of [5e-324, 1e-300, 12.345]) {
        const response = await refused(
          caseId,
          '/administrative-sanctions',
          { kind: 'fine', amount, currency: 'KZT' },
          400,
          'VALIDATION_FAILED',
        );
        expectValidation(response, 'amount');
      }
      const fine = await post(t.http, coordinator.token, `/v1/cases/${caseId}/administrative-sanctions`, {
        kind: 'fine',
        amount: 15000.5,
        currency: 'KZT',
      });
      expect(fine.status).toBe(201);
    });

    it('rejects a wrongly typed field', async () => {
      const response = await refused(caseId, '/notes', { text: 42 }, 400, 'VALIDATION_FAILED');
      expectValidation(response, 'text');
    });

    it('rejects malformed JSON', async () => {
      const before = await events.count();
      const response = await request(t.http)
        .post(`/v1/cases/${caseId}/notes`)
        .set('Authorization', `Bearer ${coordinator.token}`)
        .set('Content-Type', 'application/json')
        .send('{"text": "unterminated');
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(await events.count()).toBe(before);
    });

    it('rejects a body that is not a JSON object', async () => {
      const before = await events.count();
      for (const raw of ['[{"text":"a note in an array"}]', '"just a string"', '42', 'null']) {
        const response = await request(t.http)
          .post(`/v1/cases/${caseId}/notes`)
          .set('Authorization', `Bearer ${coordinator.token}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        expectError(response, 400, 'VALIDATION_FAILED');
      }
      expect(await events.count()).toBe(before);
    });

    it('rejects a write without any body', async () => {
      await refused(caseId, '/notes', undefined, 400, 'VALIDATION_FAILED');
    });

    it('rejects an Idempotency-Key longer than 200 characters', async () => {
      const response = await refused(caseId, '/notes', { text: 'x' }, 400, 'VALIDATION_FAILED', coordinator.token, {
        'Idempotency-Key': 'k'.repeat(201),
      });
      expectValidation(response, 'Idempotency-Key');
    });

    it('accepts an Idempotency-Key of exactly 200 characters', async () => {
      const before = await events.versionOf(caseId);
      const response = await post(
        t.http,
        coordinator.token,
        `/v1/cases/${caseId}/notes`,
        { text: 'long key' },
        {
          'Idempotency-Key': 'k'.repeat(200),
        },
      );
      expectWritten(response, caseId, before + 1);
    });

    it('rejects an If-Match that is not a version', async () => {
      const response = await refused(caseId, '/notes', { text: 'x' }, 400, 'VALIDATION_FAILED', coordinator.token, {
        'If-Match': 'version-three',
      });
      expectValidation(response, 'If-Match');
    });
  });

  describe('401 UNAUTHENTICATED', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await openCase();
    });

    it('without a token', async () => {
      const before = await events.count();
      expectError(await post(t.http, null, `/v1/cases/${caseId}/notes`, { text: 'x' }), 401, 'UNAUTHENTICATED');
      expectError(await post(t.http, null, '/v1/cases', openCaseBody()), 401, 'UNAUTHENTICATED');
      expectError(await request(t.http).get('/v1/users/me'), 401, 'UNAUTHENTICATED');
      expect(await events.count()).toBe(before);
    });

    it('with a garbage token, well-formed or not, and with another scheme', async () => {
      await refused(caseId, '/notes', { text: 'x' }, 401, 'UNAUTHENTICATED', 'garbage');
      await refused(caseId, '/notes', { text: 'x' }, 401, 'UNAUTHENTICATED', 'A'.repeat(43));
      const response = await request(t.http)
        .post(`/v1/cases/${caseId}/notes`)
        .set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`)
        .send({ text: 'x' });
      expectError(response, 401, 'UNAUTHENTICATED');
    });

    it('is answered before validation and before looking the case up', async () => {
      expectError(
        await post(t.http, null, '/v1/cases/00000000-0000-4000-8000-000000000000/notes', { bad: 1 }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('after logout', async () => {
      const user = await createUser(t.http, 'coordinator');
      expect((await post(t.http, user.token, `/v1/cases/${caseId}/notes`, { text: 'before logout' })).status).toBe(201);
      const logout = await post(t.http, user.token, '/v1/auth/logout');
      expect(logout.status).toBe(204);
      await refused(caseId, '/notes', { text: 'after logout' }, 401, 'UNAUTHENTICATED', user.token);
    });
  });

  describe('403 FORBIDDEN', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await openCase();
    });

    it('an auditor may not write to a case nor open one', async () => {
      await refused(caseId, '/notes', { text: 'I read everything' }, 403, 'FORBIDDEN', auditor.token);
      await refused(caseId, '/close', { reason: 'x' }, 403, 'FORBIDDEN', auditor.token);
      const before = await events.count();
      expectError(await post(t.http, auditor.token, '/v1/cases', openCaseBody()), 403, 'FORBIDDEN');
      expect(await events.count()).toBe(before);
    });

    it('an admin may not write to a case nor open one', async () => {
      await refused(caseId, '/notes', { text: 'I manage users' }, 403, 'FORBIDDEN', admin.token);
      const bootstrap = await login(t.http, ADMIN.email, ADMIN.password);
      await refused(
        caseId,
        '/detention',
        { city: 'Almaty', place: 'x', authority: 'police' },
        403,
        'FORBIDDEN',
        bootstrap,
      );
      const before = await events.count();
      expectError(await post(t.http, admin.token, '/v1/cases', openCaseBody()), 403, 'FORBIDDEN');
      expect(await events.count()).toBe(before);
    });
  });

  describe('404 NOT_FOUND', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await openCase();
    });

    it('for a case that does not exist', async () => {
      const unknown = '3f1c2b9e-8d4a-4c7b-9e2f-1a2b3c4d5e6f';
      await refused(unknown, '/notes', { text: 'x' }, 404, 'NOT_FOUND');
      await refused(unknown, '/detention', { city: 'Almaty', place: 'x', authority: 'police' }, 404, 'NOT_FOUND');
      expect(await events.versionOf(unknown)).toBe(0);
    });

    it('for a case that does not exist, before any If-Match or occurredAt complaint', async () => {
      const unknown = '5d2e3c4b-6a7f-4b8c-9d0e-1f2a3b4c5d6e';
      await refused(unknown, '/notes', { text: 'x' }, 404, 'NOT_FOUND', coordinator.token, { 'If-Match': '"5"' });
      await refused(unknown, '/notes', { text: 'x', occurredAt: '2999-01-01T00:00:00Z' }, 404, 'NOT_FOUND');
    });

    it('for a case id that is not a UUID', async () => {
      await refused('not-a-case', '/notes', { text: 'x' }, 404, 'NOT_FOUND');
      await refused('12345', '/close', { reason: 'x' }, 404, 'NOT_FOUND');
    });

    it('for an item id that is not a UUID', async () => {
      await refused(caseId, '/hearings/not-a-hearing/cancel', { reason: 'x' }, 404, 'NOT_FOUND');
    });

    it('for an unknown route', async () => {
      await refused(caseId, '/teleport', { to: 'home' }, 404, 'NOT_FOUND');
      expectError(
        await request(t.http).get('/v1/nothing-here').set('Authorization', `Bearer ${coordinator.token}`),
        404,
        'NOT_FOUND',
      );
    });

    it('for a case a lawyer is not assigned to (the caller may not see it)', async () => {
      await refused(caseId, '/notes', { text: 'Not my case' }, 404, 'NOT_FOUND', lawyer.token);
    });

    it('but not for a lawyer assigned to the case', async () => {
      const assignedCase = await openCase('Bolat Sarsenov');
      const assigned = await createUser(t.http, 'lawyer');
      await ok(assignedCase, '/lawyers', { lawyerId: assigned.id, role: 'support' });
      const response = await post(t.http, assigned.token, `/v1/cases/${assignedCase}/notes`, { text: 'Visited today' });
      expectWritten(response, assignedCase, 3);
    });
  });

  describe('412 VERSION_MISMATCH', () => {
    it('with a stale If-Match, appending nothing; a current If-Match succeeds', async () => {
      const caseId = await openCase();
      await ok(caseId, '/notes', { text: 'first' });
      const stale = await refused(
        caseId,
        '/notes',
        { text: 'written from a stale screen' },
        412,
        'VERSION_MISMATCH',
        coordinator.token,
        {
          'If-Match': '"1"',
        },
      );
      expect(stale.body.message).toMatch(/2/);
      await refused(caseId, '/notes', { text: 'ahead' }, 412, 'VERSION_MISMATCH', coordinator.token, {
        'If-Match': '"7"',
      });

      const current = await post(
        t.http,
        coordinator.token,
        `/v1/cases/${caseId}/notes`,
        { text: 'fresh' },
        { 'If-Match': '"2"' },
      );
      expectWritten(current, caseId, 3);
      const again = await post(
        t.http,
        coordinator.token,
        `/v1/cases/${caseId}/notes`,
        { text: 'fresher' },
        {
          'If-Match': current.headers.etag as string,
        },
      );
      expectWritten(again, caseId, 4);
      expect((await events.ofCase(caseId)).map((event) => event.type)).toEqual([
        'CaseOpened',
        'NoteAdded',
        'NoteAdded',
        'NoteAdded',
      ]);
    });
  });

  describe('422 domain rules', () => {
    it('HEARING_ALREADY_HELD and HEARING_NOT_SCHEDULED', async () => {
      const caseId = await openCase();
      const { hearingId } = await ok(caseId, '/hearings', {
        kind: 'trial',
        court: 'Almaty City Court',
        scheduledAt: fromNow(DAY),
      });
      await ok(caseId, `/hearings/${hearingId}/outcome`, { outcome: 'Adjourned to call witnesses' });
      await refused(caseId, `/hearings/${hearingId}/outcome`, { outcome: 'Again' }, 422, 'HEARING_ALREADY_HELD');
      await refused(
        caseId,
        `/hearings/${hearingId}/reschedule`,
        { scheduledAt: fromNow(2 * DAY) },
        422,
        'HEARING_ALREADY_HELD',
      );

      const { hearingId: other } = await ok(caseId, '/hearings', {
        kind: 'appeal',
        court: 'Supreme Court',
        scheduledAt: fromNow(DAY),
      });
      await ok(caseId, `/hearings/${other}/cancel`, { reason: 'Appeal withdrawn' });
      await refused(caseId, `/hearings/${other}/outcome`, { outcome: 'Held anyway' }, 422, 'HEARING_NOT_SCHEDULED');
    });

    // Issue 12: a release or house arrest may be the first news of a custody; only the same change recorded
    // twice at the very same instant is a contradiction.
    it('ALREADY_RELEASED and NOT_IN_CUSTODY: a second release or house arrest at the very instant of one', async () => {
      const caseId = await openCase();
      const occurredAt = fromNow(-DAY);
      await ok(caseId, '/release', { grounds: 'charges_dropped', occurredAt });
      await refused(caseId, '/release', { grounds: 'charges_dropped', occurredAt }, 422, 'ALREADY_RELEASED');
      const later = fromNow(-DAY / 2);
      await ok(caseId, '/release-to-house-arrest', { address: 'Home', occurredAt: later });
      await refused(caseId, '/release-to-house-arrest', { address: 'Home', occurredAt: later }, 422, 'NOT_IN_CUSTODY');
    });

    it('CHARGE_NOT_ACTIVE: a dropped charge cannot be requalified or dropped again', async () => {
      const caseId = await openCase();
      const { chargeId } = await ok(caseId, '/charges', { code: 'criminal', article: '272' });
      await ok(caseId, `/charges/${chargeId}/drop`, { reason: 'No evidence' });
      await refused(caseId, `/charges/${chargeId}/requalify`, { article: '274' }, 422, 'CHARGE_NOT_ACTIVE');
      await refused(caseId, `/charges/${chargeId}/drop`, { reason: 'Again' }, 422, 'CHARGE_NOT_ACTIVE');
    });

    it('NO_ACTIVE_MEASURE: nothing to extend', async () => {
      const caseId = await openCase();
      await refused(caseId, '/preventive-measures/extend', { until: fromNow(30 * DAY) }, 422, 'NO_ACTIVE_MEASURE');
    });

    it('COMPLAINT_NOT_OPEN: a withdrawn complaint gets no response and cannot be withdrawn again', async () => {
      const caseId = await openCase();
      const { complaintId } = await ok(caseId, '/complaints', { filedWith: 'prosecutor' });
      await ok(caseId, `/complaints/${complaintId}/withdraw`, { reason: 'Family under pressure' });
      await refused(caseId, `/complaints/${complaintId}/response`, { outcome: 'refused' }, 422, 'COMPLAINT_NOT_OPEN');
      await refused(caseId, `/complaints/${complaintId}/withdraw`, { reason: 'Again' }, 422, 'COMPLAINT_NOT_OPEN');
    });

    it('DETAINEE_DECEASED: no detention, transfer or hearing after a death', async () => {
      const caseId = await openCase();
      await ok(caseId, '/detention', { city: 'Almaty', place: 'Square', authority: 'police' });
      await ok(caseId, '/death', { circumstances: 'in_custody' });
      await refused(
        caseId,
        '/detention',
        { city: 'Almaty', place: 'Square', authority: 'police' },
        422,
        'DETAINEE_DECEASED',
      );
      await refused(
        caseId,
        '/transfers',
        { facility: { name: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' } },
        422,
        'DETAINEE_DECEASED',
      );
      await refused(
        caseId,
        '/hearings',
        { kind: 'trial', court: 'Court', scheduledAt: fromNow(DAY) },
        422,
        'DETAINEE_DECEASED',
      );
    });

    it('NOT_A_LAWYER: a coordinator (or an unknown user) cannot be assigned as lawyer', async () => {
      const caseId = await openCase();
      await refused(caseId, '/lawyers', { lawyerId: coordinator.id, role: 'support' }, 422, 'NOT_A_LAWYER');
      await refused(
        caseId,
        '/lawyers',
        { lawyerId: '7d9f1e2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', role: 'lead' },
        422,
        'NOT_A_LAWYER',
      );
      await ok(caseId, '/lawyers', { lawyerId: lawyer.id, role: 'lead' });
    });

    it('EVENT_NOT_IN_CASE: retracting an event of another case or an unknown event', async () => {
      const caseId = await openCase();
      const otherCase = await openCase('Aigerim Nurlanova');
      await ok(otherCase, '/notes', { text: 'A note on the other case' });
      const foreign = await events.eventId(otherCase, 'NoteAdded');
      await refused(caseId, '/retractions', { eventId: foreign, reason: 'Wrong case' }, 422, 'EVENT_NOT_IN_CASE');
      await refused(
        caseId,
        '/retractions',
        { eventId: 'c0ffee00-0000-4000-8000-000000000000', reason: 'x' },
        422,
        'EVENT_NOT_IN_CASE',
      );
    });

    it('CASE_CLOSED: a closed case accepts nothing but reopening', async () => {
      const caseId = await openCase();
      await ok(caseId, '/close', { reason: 'Family stopped responding' });
      await refused(caseId, '/notes', { text: 'x' }, 422, 'CASE_CLOSED');
      await refused(caseId, '/detention', { city: 'Almaty', place: 'Square', authority: 'police' }, 422, 'CASE_CLOSED');
      await refused(caseId, '/close', { reason: 'Again' }, 422, 'CASE_CLOSED');
      await ok(caseId, '/reopen', { reason: 'Family called back' });
      await ok(caseId, '/notes', { text: 'Back at work' });
    });

    it('OCCURRED_IN_FUTURE: more than 5 minutes ahead is refused, a few minutes of clock drift is not', async () => {
      const caseId = await openCase();
      await refused(
        caseId,
        '/notes',
        { text: 'from the future', occurredAt: fromNow(10 * MINUTE) },
        422,
        'OCCURRED_IN_FUTURE',
      );
      await refused(
        caseId,
        '/detention',
        { city: 'Almaty', place: 'Square', authority: 'police', occurredAt: fromNow(DAY) },
        422,
        'OCCURRED_IN_FUTURE',
      );
      await ok(caseId, '/notes', { text: 'slightly fast phone clock', occurredAt: fromNow(3 * MINUTE) });
    });

    it('IDEMPOTENCY_KEY_REUSED: the same key with another body', async () => {
      const caseId = await openCase();
      const key = 'errors-reused-key';
      const first = await post(
        t.http,
        coordinator.token,
        `/v1/cases/${caseId}/notes`,
        { text: 'one' },
        { 'Idempotency-Key': key },
      );
      expectWritten(first, caseId, 2);
      await refused(caseId, '/notes', { text: 'two' }, 422, 'IDEMPOTENCY_KEY_REUSED', coordinator.token, {
        'Idempotency-Key': key,
      });
    });
  });
});
