import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, EventsTable, expectError, expectWritten, fromNow, openCaseBody, post } from '../support/e2e';

describe('idempotency: Idempotency-Key on writes', () => {
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    [coordinator, otherCoordinator] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'coordinator'),
    ]);
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  async function openCase(): Promise<string> {
    const response = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Nursultan Abenov', 'Aktobe'));
    expectWritten(response, response.body.caseId, 1);
    return response.body.caseId as string;
  }

  it('replays the first answer for the same key and body, with Idempotent-Replayed: true, appending nothing', async () => {
    const caseId = await openCase();
    const body = { code: 'criminal', article: '272', part: '2', title: 'Mass riots' };
    const headers = { 'Idempotency-Key': 'charge-272-first-visit' };
    const first = await post(t.http, coordinator.token, `/v1/cases/${caseId}/charges`, body, headers);
    expectWritten(first, caseId, 2);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const countAfterFirst = await events.count();

    const second = await post(t.http, coordinator.token, `/v1/cases/${caseId}/charges`, body, headers);
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.etag).toBe(first.headers.etag);

    // A third time, after another write moved the case on: still the first answer.
    const note = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'in between' });
    expectWritten(note, caseId, 3);
    const third = await post(t.http, coordinator.token, `/v1/cases/${caseId}/charges`, body, headers);
    expect(third.status).toBe(201);
    expect(third.body).toEqual(first.body);
    expect(third.headers['idempotent-replayed']).toBe('true');

    expect(await events.count()).toBe(countAfterFirst + 1);
    const stream = await events.ofCase(caseId);
    expect(stream.map((event) => event.type)).toEqual(['CaseOpened', 'ChargeBrought', 'NoteAdded']);
    expect(stream[1].data.chargeId).toBe(first.body.chargeId);
  });

  it('replays a refusal as the first answer too, even after the case has changed so the write would now pass', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': 'reopen-too-early' };
    const first = await post(t.http, coordinator.token, `/v1/cases/${caseId}/reopen`, { reason: 'new facts' }, headers);
    expectError(first, 422, 'CASE_NOT_CLOSED');
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const closed = await post(t.http, coordinator.token, `/v1/cases/${caseId}/close`, { reason: 'released' });
    expectWritten(closed, caseId, 2);
    const countAfterClose = await events.count();
    const again = await post(t.http, coordinator.token, `/v1/cases/${caseId}/reopen`, { reason: 'new facts' }, headers);
    expectError(again, 422, 'CASE_NOT_CLOSED');
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await events.count()).toBe(countAfterClose);

    // Without a key nothing is stored or replayed.
    const plain = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'closed' });
    expectError(plain, 422, 'CASE_CLOSED');
    expect(plain.headers['idempotent-replayed']).toBeUndefined();
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': 'hearing-order' };
    const scheduledAt = fromNow(DAY);
    const first = await post(
      t.http,
      coordinator.token,
      `/v1/cases/${caseId}/hearings`,
      { kind: 'trial', court: 'Aktobe City Court', scheduledAt },
      headers,
    );
    expectWritten(first, caseId, 2);
    const second = await post(
      t.http,
      coordinator.token,
      `/v1/cases/${caseId}/hearings`,
      { scheduledAt, court: 'Aktobe City Court', kind: 'trial' },
      headers,
    );
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await events.versionOf(caseId)).toBe(2);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body or on another route, appending nothing', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': 'note-key' };
    expectWritten(
      await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'Visited in SI-18' }, headers),
      caseId,
      2,
    );
    const before = await events.count();

    const otherBody = await post(
      t.http,
      coordinator.token,
      `/v1/cases/${caseId}/notes`,
      { text: 'Visited in SI-19' },
      headers,
    );
    expectError(otherBody, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(otherBody.headers['idempotent-replayed']).toBeUndefined();

    const otherRoute = await post(
      t.http,
      coordinator.token,
      `/v1/cases/${caseId}/medical`,
      { kind: 'need', details: 'Visited in SI-18' },
      headers,
    );
    expectError(otherRoute, 422, 'IDEMPOTENCY_KEY_REUSED');

    const otherCase = await openCase();
    const sameBodyOtherCase = await post(
      t.http,
      coordinator.token,
      `/v1/cases/${otherCase}/notes`,
      { text: 'Visited in SI-18' },
      headers,
    );
    expectError(sameBodyOtherCase, 422, 'IDEMPOTENCY_KEY_REUSED');

    expect(await events.count()).toBe(before + 1); // only the second case's opening
    expect(await events.versionOf(caseId)).toBe(2);
    expect(await events.versionOf(otherCase)).toBe(1);
  });

  it('keeps keys per user: the same key used by another user is an independent request', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': 'shared-looking-key' };
    const body = { text: 'Called the family' };
    const mine = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, body, headers);
    expectWritten(mine, caseId, 2);
    const theirs = await post(t.http, otherCoordinator.token, `/v1/cases/${caseId}/notes`, body, headers);
    expectWritten(theirs, caseId, 3);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();

    // Each user's repeat replays their own answer.
    const mineAgain = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, body, headers);
    expect(mineAgain.body).toEqual(mine.body);
    expect(mineAgain.headers['idempotent-replayed']).toBe('true');
    const theirsAgain = await post(t.http, otherCoordinator.token, `/v1/cases/${caseId}/notes`, body, headers);
    expect(theirsAgain.body).toEqual(theirs.body);
    expect(theirsAgain.headers['idempotent-replayed']).toBe('true');

    const stream = await events.ofCase(caseId);
    expect(stream.map((event) => [event.type, event.metadata.actorId])).toEqual([
      ['CaseOpened', coordinator.id],
      ['NoteAdded', coordinator.id],
      ['NoteAdded', otherCoordinator.id],
    ]);
  });

  it('appends exactly once when 10 identical requests with the same key arrive at once', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': 'double-tap-on-a-bad-connection' };
    const body = { grounds: 'bail', note: 'Released on bail' };
    await post(t.http, coordinator.token, `/v1/cases/${caseId}/detention`, {
      city: 'Aktobe',
      place: 'Square',
      authority: 'police',
    }).then((response) => expectWritten(response, caseId, 2));
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(t.http, coordinator.token, `/v1/cases/${caseId}/release`, body, headers)),
    );
    for (const response of responses) {
      expectWritten(response, caseId, 3);
      expect(response.body).toEqual(responses[0].body);
    }
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const stream = await events.ofCase(caseId);
    expect(stream.map((event) => event.type)).toEqual(['CaseOpened', 'DetentionRecorded', 'Released']);
  });

  it('appends exactly once for 10 concurrent new-case requests with the same key', async () => {
    const before = await events.count();
    const headers = { 'Idempotency-Key': 'open-case-hotline-call-17' };
    const body = openCaseBody('Zhanna Omarova', 'Oral');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(t.http, coordinator.token, '/v1/cases', body, headers)),
    );
    for (const response of responses) {
      expectWritten(response, responses[0].body.caseId, 1);
      expect(response.body).toEqual(responses[0].body);
    }
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await events.count()).toBe(before + 1);
    expect((await events.ofCase(responses[0].body.caseId)).map((event) => event.type)).toEqual(['CaseOpened']);
  });

  it('opening a case twice with the same key returns the same caseId and opens one case', async () => {
    const before = await events.count();
    const headers = { 'Idempotency-Key': 'open-case-form-submit-42' };
    const body = openCaseBody('Marat Kassymov', 'Semey');
    const first = await post(t.http, coordinator.token, '/v1/cases', body, headers);
    expectWritten(first, first.body.caseId, 1);
    expect(Array.isArray(first.body.possibleDuplicates)).toBe(true);
    const second = await post(t.http, coordinator.token, '/v1/cases', body, headers);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await events.count()).toBe(before + 1);

    // Without a key the same body opens a second case: only a key makes a repeat recognisable.
    const unkeyed = await post(t.http, coordinator.token, '/v1/cases', body);
    expectWritten(unkeyed, unkeyed.body.caseId, 1);
    expect(unkeyed.body.caseId).not.toBe(first.body.caseId);
  });
});
