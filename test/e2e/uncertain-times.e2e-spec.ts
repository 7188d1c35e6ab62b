import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, get, openCaseBody, post } from '../support/e2e';
import { compact, getBytes, pdfText } from '../support/pdf-text';

/**
 * Times known only to the day, month or year, or not at all (issue 12, item 2): they are accepted, stored without an
 * invented hour or a "now" posing as known, and read back with their precision; a day is the writer's day in the
 * timeline, the dossier and its PDF, whatever the zones of the writer and the reader.
 */
describe('uncertain times', () => {
  let t: TestApp;
  let events: EventsTable;
  let lawyer: TestUser;
  let auditor: TestUser;
  let caseId: string;
  /** The stream version of each fact written, by name. */
  const versions: Record<string, number> = {};
  const ids: Record<string, string> = {};
  /** The global position of the last write, so a read of the projections waits until it is projected. */
  let position = 0;

  async function write(name: string, path: string, body: Record<string, unknown>): Promise<void> {
    const response = await post(t.http, lawyer.token, `/v1/cases/${caseId}${path}`, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    versions[name] = (response.body as { version: number }).version;
    position = (response.body as { position: number }).position;
  }

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    [lawyer, auditor] = await Promise.all([createUser(t.http, 'lawyer'), createUser(t.http, 'auditor')]);
    caseId = (await post(t.http, lawyer.token, '/v1/cases', openCaseBody())).body.caseId;
    // Half past midnight in Almaty is still 7 January in UTC: the day meant is the 8th.
    await write('detention', '/detention', {
      authority: 'police',
      occurredAt: '2022-01-08T00:30:00+06:00',
      occurredAtPrecision: 'day',
    });
    await write('month', '/notes', {
      text: 'beaten in custody, some time that month',
      occurredAt: '2022-01-15T12:00:00+05:00',
      occurredAtPrecision: 'month',
    });
    await write('year', '/medical', {
      kind: 'need',
      details: 'diabetic since that year',
      occurredAt: '2021-06-01T00:00:00+05:00',
      occurredAtPrecision: 'year',
    });
    await write('retracted', '/notes', {
      text: 'recorded on the wrong case',
      occurredAt: '2022-01-09T01:00:00+06:00',
      occurredAtPrecision: 'day',
    });
    // Released "on the 18th": half past midnight in Almaty, the 17th in UTC.
    await write('release', '/release', {
      grounds: 'other',
      occurredAt: '2022-01-18T00:30:00+06:00',
      occurredAtPrecision: 'day',
    });
    // No time at all: the relatives only know it happened before they called.
    await write('unknown', '/notes', { text: 'searched at home once', occurredAtPrecision: 'unknown' });
    const written = await events.ofCase(caseId);
    const wrong = written.find((event) => event.version === versions.retracted)?.event_id;
    await write('retraction', '/retractions', { eventId: wrong, reason: 'wrong case' });
    const stored = await events.ofCase(caseId);
    for (const [name, version] of Object.entries(versions)) {
      ids[name] = stored.find((event) => event.version === version)?.event_id ?? '';
    }
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  it('stores the writer’s day, month and year, and no occurredAt for an unknown time', async () => {
    const stored = new Map((await events.ofCase(caseId)).map((event) => [event.event_id, event.metadata]));

    expect(stored.get(ids.detention)).toMatchObject({
      occurredAt: '2022-01-07T18:30:00.000Z',
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-08',
    });
    expect(stored.get(ids.month)).toMatchObject({ occurredAtPrecision: 'month', occurredOn: '2022-01' });
    expect(stored.get(ids.year)).toMatchObject({ occurredAtPrecision: 'year', occurredOn: '2021' });
    expect(stored.get(ids.unknown)?.occurredAtPrecision).toBe('unknown');
    expect(stored.get(ids.unknown)).not.toHaveProperty('occurredAt');
    expect(stored.get(ids.unknown)).not.toHaveProperty('occurredOn');
  });

  it('the timeline returns the precision with every time; an unknown time reads as its bound, the recording', async () => {
    const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/timeline`);

    expect(response.status).toBe(200);
    const timeline = new Map(
      (response.body.events as Array<Record<string, unknown>>).map((entry) => [entry.eventId, entry]),
    );
    expect(timeline.get(ids.detention)).toMatchObject({ occurredAtPrecision: 'day', occurredOn: '2022-01-08' });
    expect(timeline.get(ids.month)).toMatchObject({ occurredAtPrecision: 'month', occurredOn: '2022-01' });
    expect(timeline.get(ids.year)).toMatchObject({ occurredAtPrecision: 'year', occurredOn: '2021' });
    const unknown = timeline.get(ids.unknown);
    expect(unknown).toMatchObject({ occurredAtPrecision: 'unknown' });
    expect(unknown?.occurredAt).toBe(unknown?.recordedAt);
    for (const entry of timeline.values()) expect(entry.occurredAtPrecision).toEqual(expect.any(String));
  });

  it('the history keeps the precision and the writer’s day with what the case holds', async () => {
    const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/history?asOf=2030-01-01T00:00:00Z`);

    expect(response.status).toBe(200);
    expect(response.body.detentions).toEqual([
      expect.objectContaining({
        eventId: ids.detention,
        occurredAt: '2022-01-07T18:30:00.000Z',
        occurredAtPrecision: 'day',
        occurredOn: '2022-01-08',
      }),
    ]);
    expect(response.body.medicalFacts).toEqual([
      expect.objectContaining({ eventId: ids.year, occurredAtPrecision: 'year', occurredOn: '2021' }),
    ]);
  });

  it('the case detail shows each dated item with its precision and the writer’s day', async () => {
    const response = await request(t.http)
      .get(`/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${lawyer.token}`)
      .set('X-Min-Position', String(position));

    expect(response.status).toBe(200);
    expect(response.body.detentions).toEqual([
      expect.objectContaining({
        occurredAt: '2022-01-07T18:30:00.000Z',
        occurredAtPrecision: 'day',
        occurredOn: '2022-01-08',
      }),
    ]);
  });

  it('the dossier JSON carries the precision and the writer’s day', async () => {
    const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/dossier`);

    expect(response.status).toBe(200);
    const body = JSON.stringify(response.body);
    expect(body).toContain(`"eventId":"${ids.detention}"`);
    expect(body).toMatch(
      new RegExp(`"eventId":"${ids.detention}"[^}]*"occurredAtPrecision":"day","occurredOn":"2022-01-08"`),
    );
    expect(body).toMatch(new RegExp(`"eventId":"${ids.unknown}"[^}]*"occurredAtPrecision":"unknown"`));
  });

  it('the PDF prints 8 January 2022 without an hour, a month, a year, and an unknown time as unknown', async () => {
    const response = await getBytes(t.http, auditor.token, `/v1/cases/${caseId}/dossier?format=pdf`);

    expect(response.status).toBe(200);
    const text = compact(pdfText(response.body as Buffer));
    expect(text).toContain('Happened:8January2022·');
    expect(text).toContain('Released18January2022');
    expect(text).not.toContain('2022-01-07');
    expect(text).not.toContain('18:30');
    expect(text).not.toContain('00:30');
    expect(text).toContain('Happened:January2022·');
    expect(text).toContain('Happened:2021·');
    expect(text).toContain(`Noteaddedof9January2022(eventv${versions.retracted})wasretracted`);
    expect(text).toMatch(/Happened:nolaterthan\d{1,2}[A-Za-z]+\d{4},\d\d:\d\d\([A-Za-z_/]+\)·/);
  });
});
