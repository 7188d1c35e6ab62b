import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, EventsTable, expectValidation, fromNow, openCaseBody, post } from '../support/e2e';

/**
 * More of what happens to people (issue 12, item 5): access granted again ends a denial, pressure not tied to a
 * complaint, a torture account and the added methods, the causes of a death. Each route over HTTP, down to the
 * stored event and back through the reads.
 */
describe('more of what happens to people', () => {
  let t: TestApp;
  let events: EventsTable;
  let lead: TestUser;
  let auditor: TestUser;
  let lastPosition = 0;

  async function openCase(): Promise<string> {
    const response = await post(t.http, lead.token, '/v1/cases', openCaseBody());
    expect(response.status).toBe(201);
    return response.body.caseId as string;
  }

  async function write(caseId: string, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(t.http, lead.token, `/v1/cases/${caseId}${path}`, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = Math.max(lastPosition, response.body.position as number);
    return response;
  }

  const read = (user: TestUser, path: string): Promise<Response> =>
    request(t.http).get(path).set('Authorization', `Bearer ${user.token}`).set('X-Min-Position', String(lastPosition));

  async function lastEvent(caseId: string) {
    const stream = await events.ofCase(caseId);
    return stream[stream.length - 1];
  }

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    lead = await createUser(t.http, 'lawyer');
    auditor = await createUser(t.http, 'auditor');
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  describe('POST /access-granted', () => {
    it('ends the open denial for who: the summary carries from and until', async () => {
      const caseId = await openCase();
      const deniedAt = fromNow(-5 * DAY);
      const grantedAt = fromNow(-2 * DAY);
      await write(caseId, '/detention', { authority: 'police', occurredAt: fromNow(-6 * DAY) });
      await write(caseId, '/access-denials', { who: 'lawyer', by: 'duty officer', occurredAt: deniedAt });
      await write(caseId, '/access-denials', { who: 'relatives', occurredAt: deniedAt });
      await write(caseId, '/access-granted', { who: 'lawyer', occurredAt: grantedAt });
      expect(await lastEvent(caseId)).toMatchObject({ type: 'AccessGranted', data: { who: 'lawyer' } });

      const detail = await read(lead, `/v1/cases/${caseId}`);
      // Every dated item of the detail carries its time's precision (issue 12, item 2).
      const exactly = (occurredAt: string) => ({ occurredAt, occurredAtPrecision: 'exact', occurredOn: null });
      expect(detail.status).toBe(200);
      expect(detail.body.accessDenials).toEqual([
        {
          ...exactly(deniedAt),
          who: 'lawyer',
          by: 'duty officer',
          from: deniedAt,
          until: grantedAt,
          untilPrecision: 'exact',
          untilOn: null,
        },
        {
          ...exactly(deniedAt),
          who: 'relatives',
          by: null,
          from: deniedAt,
          until: null,
          untilPrecision: null,
          untilOn: null,
        },
      ]);
    });

    it('refuses someone outside the vocabulary', async () => {
      const caseId = await openCase();
      const response = await post(t.http, lead.token, `/v1/cases/${caseId}/access-granted`, { who: 'journalist' });
      expectValidation(response, 'who');
    });
  });

  describe('POST /pressure', () => {
    it('records pressure on the family without a complaint, and the dossier lists it', async () => {
      const caseId = await openCase();
      await write(caseId, '/pressure', {
        by: 'district investigator',
        details: 'Mother told to sign a non-disclosure agreement',
        kind: 'nondisclosure_agreement',
      });
      expect(await lastEvent(caseId)).toMatchObject({
        type: 'PressureReported',
        data: {
          by: 'district investigator',
          details: 'Mother told to sign a non-disclosure agreement',
          kind: 'nondisclosure_agreement',
        },
      });
      const dossier = await read(lead, `/v1/cases/${caseId}/dossier`);
      expect(dossier.status).toBe(200);
      expect(dossier.body.pressure).toEqual([
        expect.objectContaining({
          type: 'PressureReported',
          data: expect.objectContaining({ kind: 'nondisclosure_agreement' }),
        }),
      ]);
    });

    it('needs the details and takes only a kind of the vocabulary', async () => {
      const caseId = await openCase();
      expectValidation(await post(t.http, lead.token, `/v1/cases/${caseId}/pressure`, { by: 'someone' }), 'details');
      const badKind = await post(t.http, lead.token, `/v1/cases/${caseId}/pressure`, { details: 'x', kind: 'bribe' });
      expectValidation(badKind, 'kind');
    });
  });

  describe('torture allegations: account and the added methods', () => {
    // Every added method is accepted by the decider's spec; over HTTP a few of them stand for the rest.
    const methods = ['forced_nudity', 'hooding', 'waterboarding'];

    it('records the account and the methods; an auditor reads an internal-only account withheld', async () => {
      const caseId = await openCase();
      const account = 'He says they put a bag over his head in the basement';
      await write(caseId, '/torture-allegations', { periodFrom: fromNow(-3 * DAY), methods, account });
      expect(await lastEvent(caseId)).toMatchObject({
        type: 'TortureAllegationRecorded',
        data: { methods, account, consent: 'internal_only' },
      });

      const own = await read(lead, `/v1/cases/${caseId}/timeline`);
      expect(JSON.stringify(own.body)).toContain(account);
      const audited = await read(auditor, `/v1/cases/${caseId}/timeline`);
      expect(audited.status).toBe(200);
      const text = JSON.stringify(audited.body);
      expect(text).not.toContain(account);
      const allegation = (audited.body.events as Array<{ type: string; data: Record<string, unknown> }>).find(
        (e) => e.type === 'TortureAllegationRecorded',
      );
      expect(allegation?.data).toMatchObject({ account: '[withheld]', methods });
    });

    it('refuses a method outside the vocabulary', async () => {
      const caseId = await openCase();
      const response = await post(t.http, lead.token, `/v1/cases/${caseId}/torture-allegations`, {
        periodFrom: fromNow(-DAY),
        methods: ['hooding', 'tickling'],
      });
      expectValidation(response, 'methods');
    });
  });

  describe('death causes', () => {
    it('records the causes beside the circumstances, and the case detail shows them', async () => {
      const caseId = await openCase();
      await write(caseId, '/death', { circumstances: 'in_custody', causes: ['torture', 'medical_neglect', 'torture'] });
      expect(await lastEvent(caseId)).toMatchObject({
        type: 'DeathRecorded',
        data: { circumstances: 'in_custody', causes: ['torture', 'medical_neglect'] },
      });
      const detail = await read(lead, `/v1/cases/${caseId}`);
      expect(detail.body.death).toMatchObject({ circumstances: 'in_custody', causes: ['torture', 'medical_neglect'] });
    });

    it('a death without causes reads as no cause known (an empty list), not as "unknown"', async () => {
      const caseId = await openCase();
      await write(caseId, '/death', { circumstances: 'shot' });
      expect((await lastEvent(caseId)).data).toEqual({ circumstances: 'shot' });
      const detail = await read(lead, `/v1/cases/${caseId}`);
      expect(detail.body.death).toMatchObject({ circumstances: 'shot', causes: [] });
    });

    it('refuses a cause outside the vocabulary', async () => {
      const caseId = await openCase();
      const response = await post(t.http, lead.token, `/v1/cases/${caseId}/death`, {
        circumstances: 'shot',
        causes: ['accident'],
      });
      expectValidation(response, 'causes');
    });
  });

  describe('administrative arrest: expectedReleaseAt and termEnded', () => {
    type Summary = { caseId: string; expectedReleaseAt: string | null; termEnded: boolean };
    type AgendaItem = { kind: string; caseId: string; at: string };
    let ended: string;
    let released: string;
    let running: string;
    const start = fromNow(-20 * DAY);
    const expected = new Date(Date.parse(start) + 10 * DAY).toISOString();

    beforeAll(async () => {
      ended = await openCase();
      await write(ended, '/detention', { authority: 'police', occurredAt: start });
      await write(ended, '/administrative-sanctions', { kind: 'arrest', days: 10, occurredAt: start });
      released = await openCase();
      await write(released, '/detention', { authority: 'police', occurredAt: start });
      await write(released, '/administrative-sanctions', { kind: 'arrest', days: 10, occurredAt: start });
      await write(released, '/release', { grounds: 'administrative_term_served', occurredAt: expected });
      running = await openCase();
      await write(running, '/detention', { authority: 'police', occurredAt: fromNow(-2 * DAY) });
      await write(running, '/administrative-sanctions', { kind: 'arrest', days: 15, occurredAt: fromNow(-2 * DAY) });
    });

    it('the summary carries the expected release, and flags a term past it with no release recorded', async () => {
      const read1 = async (caseId: string): Promise<Summary> => (await read(lead, `/v1/cases/${caseId}`)).body;
      expect(await read1(ended)).toMatchObject({
        expectedReleaseAt: expected,
        expectedReleasePrecision: 'exact',
        termEnded: true,
        status: 'administrative_arrest',
      });
      expect(await read1(released)).toMatchObject({
        expectedReleaseAt: expected,
        termEnded: false,
        status: 'released',
      });
      expect(await read1(running)).toMatchObject({ termEnded: false });
      expect((await read1(running)).expectedReleaseAt).not.toBeNull();
    });

    it('gives the expected release no more precision than the arrest: an unknown start ends no later than', async () => {
      const vague = await openCase();
      await write(vague, '/administrative-sanctions', {
        kind: 'arrest',
        days: 10,
        occurredAtPrecision: 'unknown',
      });
      const summary = (await read(lead, `/v1/cases/${vague}`)).body as Summary & { expectedReleasePrecision: string };
      expect(summary.expectedReleasePrecision).toBe('unknown');
      // Its bound: the arrest began no later than it was recorded.
      const recordedAt = (await events.ofCase(vague)).at(-1)?.metadata.recordedAt as string;
      expect(summary.expectedReleaseAt).toBe(new Date(Date.parse(recordedAt) + 10 * DAY).toISOString());
    });

    it('GET /v1/cases?termEnded=true lists only the term that ended unreleased; no release is invented', async () => {
      const list = await read(lead, '/v1/cases?termEnded=true&pageSize=100');
      expect(list.status).toBe(200);
      const ids = (list.body.items as Summary[]).map((c) => c.caseId);
      expect(ids).toContain(ended);
      expect(ids).not.toContain(released);
      expect(ids).not.toContain(running);
      expect((await events.ofCase(ended)).map((e) => e.type)).not.toContain('Released');
      const all = await read(lead, '/v1/cases?termEnded=false&pageSize=100');
      expect((all.body.items as Summary[]).map((c) => c.caseId)).toEqual(
        expect.arrayContaining([ended, released, running]),
      );
      expectValidation(await read(lead, '/v1/cases?termEnded=yes'), 'termEnded');
    });

    it('the agenda shows the term that ended, at its end', async () => {
      const agenda = await read(lead, '/v1/agenda');
      expect(agenda.status).toBe(200);
      const items = (agenda.body.items as AgendaItem[]).filter((i) => i.kind === 'term_ended');
      expect(items).toEqual([expect.objectContaining({ kind: 'term_ended', caseId: ended, at: expected })]);
    });

    it('a release recorded late clears the flag', async () => {
      await write(ended, '/release', { grounds: 'administrative_term_served', occurredAt: fromNow(-9 * DAY) });
      expect((await read(lead, `/v1/cases/${ended}`)).body).toMatchObject({ termEnded: false });
      const list = await read(lead, '/v1/cases?termEnded=true&pageSize=100');
      expect((list.body.items as Summary[]).map((c) => c.caseId)).not.toContain(ended);
    });
  });
});
