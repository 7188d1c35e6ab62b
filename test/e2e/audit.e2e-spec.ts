import { Client } from 'pg';
import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, EventsTable, expectError, expectValidation, fromNow, get, openCaseBody, post } from '../support/e2e';
import { getBytes } from '../support/pdf-text';

/**
 * The auditor's reads over HTTP on one case that holds every kind of fact: timeline, verify, dossier (JSON and
 * PDF), who may read them, and tampering with the stored rows behind the application's back.
 */
describe('audit reads: timeline, verify, dossier', () => {
  let t: TestApp;
  let events: EventsTable;
  let lead: TestUser;
  let otherLawyer: TestUser;
  let coordinator: TestUser;
  let auditor: TestUser;
  let admin: TestUser;
  let caseId: string;
  let internalAllegationId: string;

  async function write(path: string, body: Record<string, unknown>, token = lead.token) {
    const response = await post(t.http, token, `/v1/cases/${caseId}${path}`, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, string>;
  }

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    [lead, otherLawyer, coordinator, auditor, admin] = await Promise.all([
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'auditor'),
      createUser(t.http, 'admin'),
    ]);
    const opened = await post(t.http, lead.token, '/v1/cases', openCaseBody('Жолатов Арман', 'Алматы'));
    caseId = opened.body.caseId;
    await write('/detention', {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: fromNow(-3 * DAY),
    });
    await write('/whereabouts-unknown', { reportedBy: 'his sister', occurredAt: fromNow(-2 * DAY) });
    await write('/transfers', {
      facility: { code: 'SI-18', name: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' },
    });
    const { chargeId } = await write('/charges', { code: 'criminal', article: '272', part: '2' });
    await write(`/charges/${chargeId}/requalify`, { article: '274' });
    const second = await write('/charges', { code: 'administrative', article: '488' });
    await write(`/charges/${second.chargeId}/drop`, { reason: 'time-barred' });
    await write('/administrative-sanctions', { kind: 'fine', amount: 1000, currency: 'KZT' });
    const { hearingId } = await write('/hearings', {
      kind: 'preventive_measure',
      court: 'Almaly court',
      scheduledAt: fromNow(DAY),
    });
    await write(`/hearings/${hearingId}/reschedule`, { scheduledAt: fromNow(2 * DAY) });
    await write(`/hearings/${hearingId}/outcome`, { outcome: 'detention', durationMinutes: 4, defendantHeard: false });
    const other = await write('/hearings', { kind: 'appeal', court: 'City court', scheduledAt: fromNow(5 * DAY) });
    await write(`/hearings/${other.hearingId}/cancel`, { reason: 'withdrawn' });
    await write('/preventive-measures', { measure: 'pretrial_detention', until: fromNow(60 * DAY), hearingId });
    await write('/preventive-measures/extend', { until: fromNow(90 * DAY) });
    await write('/access-denials', { who: 'lawyer', details: 'in the bath' });
    const wrong = await write('/access-denials', { who: 'relatives', details: 'wrong case' });
    const { allegationId } = await write('/torture-allegations', {
      periodFrom: fromNow(-3 * DAY),
      methods: ['beating'],
      facility: 'Almaly police station',
      consent: 'full',
    });
    internalAllegationId = (
      await write('/torture-allegations', {
        periodFrom: fromNow(-3 * DAY),
        methods: ['threats_to_family'],
        witnesses: 'cellmate Bekov',
        consent: 'internal_only',
      })
    ).allegationId;
    const { complaintId } = await write('/complaints', { allegationId, filedWith: 'prosecutor' });
    await write(`/complaints/${complaintId}/pressure`, { details: 'threatened' });
    await write(`/complaints/${complaintId}/response`, { outcome: 'refused' });
    const withdrawn = await write('/complaints', { filedWith: 'ombudsperson' });
    await write(`/complaints/${withdrawn.complaintId}/withdraw`, { reason: 'pressure' });
    await write('/medical', { kind: 'need', details: 'insulin' });
    await write('/notes', { text: 'call the sister first' });
    const stream = await events.ofCase(caseId);
    await write('/retractions', {
      eventId: stream.find((e) => e.version === Number(wrong.version))?.event_id,
      reason: 'wrong case',
    });
    await write('/release-to-house-arrest', { until: fromNow(120 * DAY) });
    await write('/verdict', { outcome: 'convicted', sentence: { kind: 'suspended', months: 24 } });
    await write('/close', { reason: 'pause' }, coordinator.token);
    await write('/reopen', { reason: 'resume' }, coordinator.token);
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  describe('GET /timeline', () => {
    it('answers every event in stream order with its actor, both times and retraction', async () => {
      const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/timeline`);
      expect(response.status).toBe(200);
      const stored = await events.ofCase(caseId);
      const timeline = response.body.events as Array<Record<string, unknown>>;
      expect(timeline.map((e) => e.eventId)).toEqual(stored.map((e) => e.event_id));
      expect(timeline.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1));
      for (const entry of timeline) {
        expect(entry).toEqual(
          expect.objectContaining({
            position: expect.any(Number),
            type: expect.any(String),
            occurredAt: expect.any(String),
            recordedAt: expect.any(String),
            actor: { id: expect.any(String), role: expect.stringMatching(/^(lawyer|coordinator)$/) },
            data: expect.any(Object),
            retracted: expect.any(Boolean),
          }),
        );
      }
      const retraction = timeline.find((e) => e.type === 'FactRetracted') as {
        data: { eventId: string };
        eventId: string;
      };
      const retracted = timeline.filter((e) => e.retracted);
      expect(retracted).toEqual([
        expect.objectContaining({ eventId: retraction.data.eventId, retractedBy: retraction.eventId }),
      ]);
      expect(timeline.find((e) => e.type === 'CaseClosed')?.actor).toEqual({ id: coordinator.id, role: 'coordinator' });
    });
  });

  describe('who may read', () => {
    const paths = ['timeline', 'verify', 'dossier', 'history?asOf=2030-01-01T00:00:00Z'];

    it.each(paths)('%s: the assigned lawyer, a coordinator and an auditor may; an admin is refused', async (path) => {
      for (const user of [lead, coordinator, auditor]) {
        expect((await get(t.http, user.token, `/v1/cases/${caseId}/${path}`)).status).toBe(200);
      }
      expectError(await get(t.http, admin.token, `/v1/cases/${caseId}/${path}`), 403, 'FORBIDDEN');
    });

    it.each(paths)('%s: a lawyer not on the case and an unknown case answer 404', async (path) => {
      expectError(await get(t.http, otherLawyer.token, `/v1/cases/${caseId}/${path}`), 404, 'NOT_FOUND');
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await get(t.http, auditor.token, `/v1/cases/${unknown}/${path}`), 404, 'NOT_FOUND');
      expectError(await request(t.http).get(`/v1/cases/${caseId}/${path}`), 401, 'UNAUTHENTICATED');
    });

    it('rejects unknown and malformed query parameters', async () => {
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/timeline?page=2`), 'page');
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/verify?deep=true`), 'deep');
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/history`), 'asOf');
      expectValidation(
        await get(t.http, auditor.token, `/v1/cases/${caseId}/history?asOf=2022-01-10T10:00:00`),
        'asOf',
      );
      const asOf = encodeURIComponent('2022-01-10T10:00:00+05:00');
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/history?asOf=${asOf}&axis=known`), 'axis');
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/history?asOf=${asOf}&x=1`), 'x');
      expectValidation(await get(t.http, auditor.token, `/v1/cases/${caseId}/dossier?format=xml`), 'format');
      expectValidation(
        await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?includeInternal=yes`),
        'includeInternal',
      );
    });
  });

  describe('GET /verify', () => {
    it('answers valid, the number of events and the hash of the last one', async () => {
      const stored = await events.ofCase(caseId);
      const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/verify`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        valid: true,
        events: stored.length,
        headHash: stored[stored.length - 1].metadata.hash,
      });
    });
  });

  describe('GET /dossier', () => {
    it('JSON holds every fact of the case except the internal-only allegation', async () => {
      const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/dossier`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      const body = JSON.stringify(response.body);
      const stored = await events.ofCase(caseId);
      const internal = stored.find((e) => e.data.allegationId === internalAllegationId);
      for (const event of stored) {
        if (event === internal) expect(body).not.toContain(event.event_id);
        else expect(body).toContain(event.event_id);
      }
      expect(body).not.toContain('cellmate Bekov');
      expect(response.body).toMatchObject({
        caseId,
        includesInternal: false,
        withheld: { internalAllegations: 1 },
        detainee: { fullName: 'Жолатов Арман', city: 'Алматы' },
        verification: { valid: true, events: stored.length, headHash: stored[stored.length - 1].metadata.hash },
      });
      expect(response.body.hearings[0]).toMatchObject({ status: 'held', durationMinutes: 4, defendantHeard: false });
      expect(response.body.custody[0].recordedBy).toEqual({ id: lead.id, role: 'lawyer' });
    });

    it('includes the internal-only allegation only for a coordinator who asks', async () => {
      const response = await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?includeInternal=true`);
      expect(response.status).toBe(200);
      expect(response.body.includesInternal).toBe(true);
      expect(JSON.stringify(response.body)).toContain('cellmate Bekov');
      const asked = `/v1/cases/${caseId}/dossier?includeInternal=true`;
      expectError(await get(t.http, auditor.token, asked), 403, 'FORBIDDEN');
      expectError(await get(t.http, lead.token, asked), 403, 'FORBIDDEN');
      const declined = await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?includeInternal=false`);
      expect(JSON.stringify(declined.body)).not.toContain('cellmate Bekov');
    });

    it('PDF answers application/pdf', async () => {
      const response = await getBytes(t.http, auditor.token, `/v1/cases/${caseId}/dossier?format=pdf`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('PTSans');
    });
  });

  describe('tampering with stored rows', () => {
    let db: Client;
    let victim: string;

    beforeAll(async () => {
      db = new Client({ connectionString: t.database.url });
      await db.connect();
      const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Erlan Bekov', 'Taraz'));
      victim = opened.body.caseId;
      for (const text of ['one', 'two', 'three', 'four']) {
        expect((await post(t.http, coordinator.token, `/v1/cases/${victim}/notes`, { text })).status).toBe(201);
      }
      // The application's own trigger forbids this; an attacker with database access would switch it off.
      await db.query('ALTER TABLE events DISABLE TRIGGER ALL');
    });

    afterAll(async () => {
      await db.query('ALTER TABLE events ENABLE TRIGGER ALL');
      await db.end();
    });

    it('a byte changed in one event is reported at that exact version', async () => {
      // The note's text is stored sealed: change one character of its ciphertext.
      await db.query(
        `UPDATE events
            SET data = jsonb_set(data, '{text,$sealed}', to_jsonb(overlay(data->'text'->>'$sealed'
                  placing (CASE WHEN substr(data->'text'->>'$sealed', 5, 1) = 'A' THEN 'B' ELSE 'A' END) from 5 for 1)))
          WHERE stream_id = $1 AND version = 4`,
        [`case-${victim}`],
      );
      const response = await get(t.http, auditor.token, `/v1/cases/${victim}/verify`);
      expect(response.body).toEqual({ valid: false, brokenAtVersion: 4, problem: 'hash_mismatch' });
    });

    it('a deleted row is reported at the first missing version', async () => {
      await db.query(`DELETE FROM events WHERE stream_id = $1 AND version = 2`, [`case-${victim}`]);
      const response = await get(t.http, auditor.token, `/v1/cases/${victim}/verify`);
      expect(response.body).toEqual({ valid: false, brokenAtVersion: 2, problem: 'version_gap' });
      const dossier = await get(t.http, coordinator.token, `/v1/cases/${victim}/dossier`);
      expect(dossier.body.verification).toMatchObject({ valid: false, brokenAtVersion: 2 });
    });
  });
});
