import request, { type Response } from 'supertest';
import type { Consent } from '@casetrack/domain';
import { compact, getBytes, pdfText } from '../support/pdf-text';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, expectError, fromNow, get, openCaseBody, post } from '../support/e2e';

const WITHHELD = '[withheld]';
/** A word found only in the testimony recorded under each consent, so any trace of it in an answer shows. */
const TAG: Record<Consent, string> = { full: 'Qfull', anonymised: 'Qanon', internal_only: 'Qinternal' };
const CONSENTS = Object.keys(TAG) as Consent[];
const SHA256 = 'ab'.repeat(32);

function testimony(consent: Consent): Record<string, unknown> {
  const tag = TAG[consent];
  return {
    facility: `${tag} police station`,
    perpetrators: `${tag} officer in a mask`,
    injuries: `${tag} broken rib`,
    witnesses: `${tag} cellmate`,
    evidence: [{ kind: `${tag}-photo`, reference: `archive/${tag}.jpg`, sha256: SHA256 }],
  };
}

/**
 * Consent is honoured in every read (issue 10, item 4). One case holds an allegation under each consent, each with a
 * complaint, pressure on the complainant (one of them retracted, with a reason) and a withdrawal, all typed with words
 * of their own. Internal-only testimony is read verbatim by coordinators and the assigned lawyer and withheld from
 * auditors; anonymised and internal-only allegations stay out of the named dossier and are counted there.
 */
describe('consent: who reads which testimony', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let lead: TestUser;
  let auditor: TestUser;
  let caseId: string;
  let lastPosition = 0;
  const ids = {} as Record<Consent, { allegationId: string; complaintId: string }>;

  const readers = (): Array<[string, TestUser]> => [
    ['coordinator', coordinator],
    ['assigned lawyer', lead],
    ['auditor', auditor],
  ];
  const cleared = (): Array<[string, TestUser]> => readers().slice(0, 2);

  async function write(path: string, body: Record<string, unknown>): Promise<Record<string, string>> {
    const response = await post(t.http, lead.token, `/v1/cases/${caseId}${path}`, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = Math.max(lastPosition, response.body.position as number);
    return response.body as Record<string, string>;
  }

  const read = (user: TestUser, path: string): Promise<Response> =>
    request(t.http).get(path).set('Authorization', `Bearer ${user.token}`).set('X-Min-Position', String(lastPosition));

  const readPdf = (user: TestUser, path: string): Promise<Response> => getBytes(t.http, user.token, path);

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, lead, auditor] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'auditor'),
    ]);
    const opened = await post(t.http, lead.token, '/v1/cases', openCaseBody('Серик Жанболатов', 'Алматы'));
    caseId = opened.body.caseId as string;
    for (const consent of CONSENTS) {
      const tag = TAG[consent];
      const { allegationId } = await write('/torture-allegations', {
        periodFrom: fromNow(-3 * DAY),
        methods: ['beating', 'electric_shock'],
        ...testimony(consent),
        consent,
      });
      const { complaintId } = await write('/complaints', {
        allegationId,
        filedWith: 'prosecutor',
        reference: '118/22',
      });
      await write(`/complaints/${complaintId}/pressure`, { by: `${tag} investigator`, details: `${tag} threats` });
      const twice = await write(`/complaints/${complaintId}/pressure`, { details: 'recorded twice' });
      const { eventId } = (await get(t.http, lead.token, `/v1/cases/${caseId}/timeline`)).body.events.find(
        (e: { version: number }) => e.version === Number(twice.version),
      ) as { eventId: string };
      await write('/retractions', { eventId, reason: `${tag} duplicate entry` });
      await write(`/complaints/${complaintId}/withdraw`, { reason: `${tag} family visited by police` });
      ids[consent] = { allegationId, complaintId };
    }
  });

  afterAll(async () => {
    await t.close();
  });

  /** Every typed field of the internal-only allegation and of the facts about it, as an auditor reads them. */
  const withheldAllegation = () => ({
    allegationId: ids.internal_only.allegationId,
    periodFrom: expect.any(String),
    methods: ['beating', 'electric_shock'],
    consent: 'internal_only',
    facility: WITHHELD,
    perpetrators: WITHHELD,
    injuries: WITHHELD,
    witnesses: WITHHELD,
    evidence: [{ kind: WITHHELD, reference: WITHHELD, sha256: WITHHELD }],
  });

  describe('GET /timeline', () => {
    type Entry = { eventId: string; type: string; data: Record<string, unknown> };
    const timeline = async (user: TestUser): Promise<{ text: string; events: Entry[] }> => {
      const response = await read(user, `/v1/cases/${caseId}/timeline`);
      expect(response.status).toBe(200);
      return { text: JSON.stringify(response.body), events: response.body.events as Entry[] };
    };
    const about = (events: Entry[], consent: Consent): Entry[] =>
      events.filter(
        (e) => e.data.allegationId === ids[consent].allegationId || e.data.complaintId === ids[consent].complaintId,
      );

    it.each(['a coordinator', 'the assigned lawyer'])('%s reads every testimony verbatim', async (role) => {
      const user = role === 'a coordinator' ? coordinator : lead;
      const { text, events } = await timeline(user);
      for (const consent of CONSENTS) expect(text).toContain(`${TAG[consent]} cellmate`);
      expect(text).not.toContain(WITHHELD);
      const [allegation] = about(events, 'internal_only');
      expect(allegation.data).toMatchObject({ consent: 'internal_only', ...testimony('internal_only') });
    });

    it('an auditor reads internal-only testimony and every fact that quotes it as withheld', async () => {
      const { text, events } = await timeline(auditor);
      expect(text).not.toContain(TAG.internal_only);
      expect(text).toContain(`${TAG.full} cellmate`);
      expect(text).toContain(`${TAG.anonymised} cellmate`);
      expect(text).toContain(`${TAG.anonymised} family visited by police`);
      const internal = about(events, 'internal_only');
      expect(internal.map((e) => e.type)).toEqual([
        'TortureAllegationRecorded',
        'ComplaintFiled',
        'ComplainantPressured',
        'ComplainantPressured',
        'ComplaintWithdrawn',
      ]);
      expect(internal[0].data).toEqual(withheldAllegation());
      // The complaint's filing stays (where, about what); its reference is typed and may name someone.
      expect(internal[1].data).toEqual({
        complaintId: ids.internal_only.complaintId,
        allegationId: ids.internal_only.allegationId,
        filedWith: 'prosecutor',
        reference: WITHHELD,
      });
      expect(internal[2].data).toEqual({ complaintId: ids.internal_only.complaintId, by: WITHHELD, details: WITHHELD });
      expect(internal[4].data).toEqual({ complaintId: ids.internal_only.complaintId, reason: WITHHELD });
      const retraction = events.find((e) => e.type === 'FactRetracted' && e.data.eventId === internal[3].eventId);
      expect(retraction?.data).toEqual({ eventId: internal[3].eventId, reason: WITHHELD });
      // Only the facts tied to the internal-only allegation are withheld: the allegation's seven typed values, the
      // filing's reference, the pressure (by, details), the retracted pressure, its retraction's reason and the
      // withdrawal's reason.
      expect(text.split(WITHHELD).length - 1).toBe(7 + 1 + 2 + 1 + 1 + 1);
    });
  });

  describe('GET /history', () => {
    const history = async (user: TestUser, axis: string): Promise<Response> => {
      const asOf = encodeURIComponent(fromNow(DAY));
      const response = await read(user, `/v1/cases/${caseId}/history?asOf=${asOf}&axis=${axis}`);
      expect(response.status).toBe(200);
      return response;
    };

    it.each(['recorded', 'occurred'])('axis %s: coordinators and the assigned lawyer read it all', async (axis) => {
      for (const [, user] of cleared()) {
        const { body } = await history(user, axis);
        expect(body.allegations[ids.internal_only.allegationId]).toMatchObject(testimony('internal_only'));
        expect(body.complaints[ids.internal_only.complaintId]).toMatchObject({
          pressure: [{ by: `${TAG.internal_only} investigator`, details: `${TAG.internal_only} threats` }],
          withdrawal: { reason: `${TAG.internal_only} family visited by police` },
        });
      }
    });

    it.each(['recorded', 'occurred'])('axis %s: an auditor reads internal-only testimony as withheld', async (axis) => {
      const { body } = await history(auditor, axis);
      const text = JSON.stringify(body);
      expect(text).not.toContain(TAG.internal_only);
      expect(text).toContain(`${TAG.anonymised} cellmate`);
      expect(body.allegations[ids.internal_only.allegationId]).toMatchObject(withheldAllegation());
      expect(body.allegations[ids.anonymised.allegationId]).toMatchObject(testimony('anonymised'));
      expect(body.complaints[ids.internal_only.complaintId]).toMatchObject({
        status: 'withdrawn',
        pressure: [{ by: WITHHELD, details: WITHHELD }],
        withdrawal: { reason: WITHHELD },
      });
    });
  });

  describe('GET /v1/cases/:caseId', () => {
    it('shows an auditor the internal-only allegation without its place; the others read it', async () => {
      for (const [, user] of readers()) {
        const response = await read(user, `/v1/cases/${caseId}`);
        expect(response.status).toBe(200);
        const facilities = Object.fromEntries(
          (response.body.allegations as Array<{ allegationId: string; facility: string }>).map((a) => [
            a.allegationId,
            a.facility,
          ]),
        );
        const internal = user === auditor ? WITHHELD : `${TAG.internal_only} police station`;
        expect(facilities).toEqual({
          [ids.full.allegationId]: `${TAG.full} police station`,
          [ids.anonymised.allegationId]: `${TAG.anonymised} police station`,
          [ids.internal_only.allegationId]: internal,
        });
        if (user === auditor) expect(JSON.stringify(response.body)).not.toContain(TAG.internal_only);
      }
    });
  });

  describe('GET /dossier', () => {
    it('JSON: for every reader, only full-consent testimony; the others are counted and their complaints marked', async () => {
      for (const [, user] of readers()) {
        const response = await read(user, `/v1/cases/${caseId}/dossier`);
        expect(response.status).toBe(200);
        const text = JSON.stringify(response.body);
        expect(text).toContain(`${TAG.full} cellmate`);
        expect(text).not.toContain(TAG.anonymised);
        expect(text).not.toContain(TAG.internal_only);
        expect(response.body).toMatchObject({
          includesInternal: false,
          withheld: { internalAllegations: 1, anonymisedAllegations: 1 },
        });
        expect(response.body.allegations.map((a: { data: { consent: string } }) => a.data.consent)).toEqual(['full']);
        const complaints = response.body.complaints as Array<{ complaintId: string; allegationWithheld: boolean }>;
        expect(Object.fromEntries(complaints.map((c) => [c.complaintId, c.allegationWithheld]))).toEqual({
          [ids.full.complaintId]: false,
          [ids.anonymised.complaintId]: true,
          [ids.internal_only.complaintId]: true,
        });
        const withdrawn = complaints.find((c) => c.complaintId === ids.anonymised.complaintId);
        expect(withdrawn).toMatchObject({ withdrawal: { reason: WITHHELD } });
      }
    });

    it('JSON with includeInternal: everything, for a coordinator only', async () => {
      const path = `/v1/cases/${caseId}/dossier?includeInternal=true`;
      const response = await read(coordinator, path);
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body);
      for (const consent of CONSENTS) expect(text).toContain(`${TAG[consent]} cellmate`);
      expect(response.body).toMatchObject({
        includesInternal: true,
        withheld: { internalAllegations: 0, anonymisedAllegations: 0 },
      });
      expectError(await read(lead, path), 403, 'FORBIDDEN');
      expectError(await read(auditor, path), 403, 'FORBIDDEN');
      expectError(await read(auditor, `${path}&format=pdf`), 403, 'FORBIDDEN');
    });

    it('PDF: the same text as the JSON, and says what it leaves out', async () => {
      for (const [, user] of readers()) {
        const response = await readPdf(user, `/v1/cases/${caseId}/dossier?format=pdf`);
        expect(response.status).toBe(200);
        const text = compact(pdfText(response.body as Buffer));
        expect(text).toContain(compact('Серик Жанболатов'));
        expect(text).toContain(compact(`${TAG.full} cellmate`));
        expect(text).not.toContain(TAG.anonymised);
        expect(text).not.toContain(TAG.internal_only);
        expect(text).toContain(compact('1 allegation recorded for internal use only is not included'));
        expect(text).toContain(compact('1 allegation consented for anonymised use only is not in this named dossier'));
      }
      const full = await readPdf(coordinator, `/v1/cases/${caseId}/dossier?format=pdf&includeInternal=true`);
      const text = compact(pdfText(full.body as Buffer));
      for (const consent of CONSENTS) expect(text).toContain(compact(`${TAG[consent]} officer in a mask`));
    });
  });

  describe('GET /v1/stats', () => {
    it('counts every allegation whatever its consent and carries no testimony', async () => {
      for (const [, user] of readers()) {
        const response = await read(user, '/v1/stats');
        expect(response.status).toBe(200);
        expect(response.body.tortureAllegations).toBe(3);
        for (const consent of CONSENTS) expect(JSON.stringify(response.body)).not.toContain(TAG[consent]);
      }
    });
  });
});
