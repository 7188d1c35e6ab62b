import { CaseSession } from '../support/case-session';
import { expectValidation, get, openCaseBody } from '../support/e2e';
import { createUser, type TestUser } from '../support/test-app';

const DAY = 86_400_000;

describe('what changed between two moments: GET timeline with axis, after and until', () => {
  let s: CaseSession;
  let coordinator: TestUser;
  let auditor: TestUser;
  let caseId: string;
  let openedRecordedAt: string;
  const detainedAt = new Date(Date.now() - 10 * DAY).toISOString();
  const movedAt = new Date(Date.now() - 2 * DAY).toISOString();

  beforeAll(async () => {
    s = await CaseSession.start();
    coordinator = await createUser(s.t.http, 'coordinator');
    auditor = await createUser(s.t.http, 'auditor');
    caseId = (await s.write(coordinator, '/v1/cases', openCaseBody())).body.caseId as string;
    const timeline = await s.read(auditor, `/v1/cases/${caseId}/timeline`);
    openedRecordedAt = timeline.body.events[0].recordedAt as string;
    await s.write(coordinator, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: detainedAt,
    });
    await s.write(coordinator, `/v1/cases/${caseId}/transfers`, {
      facility: { code: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' },
      occurredAt: movedAt,
    });
    await s.write(coordinator, `/v1/cases/${caseId}/notes`, { text: 'seen by his lawyer' });
  });
  afterAll(async () => {
    await s.close();
  });

  async function types(query: string): Promise<string[]> {
    const response = await s.read(auditor, `/v1/cases/${caseId}/timeline?${query}`);
    expect(response.status).toBe(200);
    return (response.body.events as Array<{ type: string }>).map((e) => e.type);
  }

  async function included(asOf: string, axis: string): Promise<number> {
    const response = await s.read(auditor, `/v1/cases/${caseId}/history?asOf=${encodeURIComponent(asOf)}&axis=${axis}`);
    expect(response.status).toBe(200);
    return response.body.eventsIncluded as number;
  }

  it('on the recorded axis: what we learnt after the opening', async () => {
    const after = encodeURIComponent(openedRecordedAt);
    expect(await types(`after=${after}`)).toEqual(['DetentionRecorded', 'DetaineeTransferred', 'NoteAdded']);
    expect(await types(`axis=recorded&until=${after}`)).toEqual(['CaseOpened']);
    expect(await types('')).toEqual(['CaseOpened', 'DetentionRecorded', 'DetaineeTransferred', 'NoteAdded']);
  });

  it('on the occurred axis: what happened in the window, exactly what two histories differ by', async () => {
    const from = new Date(Date.now() - 5 * DAY).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const changed = await types(`axis=occurred&after=${encodeURIComponent(from)}&until=${encodeURIComponent(to)}`);
    expect(changed).toEqual(['DetaineeTransferred', 'NoteAdded']);
    expect((await included(to, 'occurred')) - (await included(from, 'occurred'))).toBe(changed.length);
    const early = new Date(Date.now() - 20 * DAY).toISOString();
    const all = await types(`axis=occurred&after=${encodeURIComponent(early)}&until=${encodeURIComponent(from)}`);
    expect(all).toEqual(['DetentionRecorded']);
    expect((await included(from, 'occurred')) - (await included(early, 'occurred'))).toBe(all.length);
  });

  it('refuses a window that ends before it starts, an unknown axis and unknown parameters', async () => {
    const path = `/v1/cases/${caseId}/timeline`;
    const later = encodeURIComponent(new Date().toISOString());
    const earlier = encodeURIComponent(new Date(Date.now() - DAY).toISOString());
    expectValidation(await get(s.t.http, auditor.token, `${path}?after=${later}&until=${earlier}`), 'until');
    expectValidation(await get(s.t.http, auditor.token, `${path}?axis=known`), 'axis');
    expectValidation(await get(s.t.http, auditor.token, `${path}?after=yesterday`), 'after');
    expectValidation(await get(s.t.http, auditor.token, `${path}?since=${later}`), 'since');
  });
});
