import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, get, openCaseBody, post } from '../support/e2e';

const jan = (day: number, hour: number): string => new Date(Date.UTC(2022, 0, day, hour)).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Late news and a retraction written over HTTP, then the case rebuilt at several instants on both axes and
 * compared with states computed by hand. `occurredAt` is given in each write; `recordedAt` is the server's time,
 * so the instants of the recorded axis are taken between the writes.
 *
 *   v1 open              occurred Jan 7 09:00
 *   v2 detention         occurred Jan 6 18:00   (before the report)
 *   v3 transfer SI-18    occurred Jan 9 12:00
 *   v4 whereabouts unk.  occurred Jan 8 09:00   (late news, between the detention and the transfer)
 *   v5 release           occurred Jan 12 15:00
 *   v6 retraction of v5                         (the release was a false report)
 */
describe('GET /history: late news and a retraction on both time axes', () => {
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let auditor: TestUser;
  let caseId: string;
  /** recordedAfter[n]: a server instant after write n and before write n + 1 (0: before the first). */
  const recordedAfter: string[] = [];

  async function mark(): Promise<void> {
    await pause(15);
    recordedAfter.push(new Date().toISOString());
    await pause(15);
  }

  async function write(path: string, body: Record<string, unknown>): Promise<void> {
    const response = await post(t.http, coordinator.token, `/v1/cases/${caseId}${path}`, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    await mark();
  }

  async function history(asOf: string, axis?: string): Promise<Record<string, unknown>> {
    const query = `asOf=${encodeURIComponent(asOf)}${axis ? `&axis=${axis}` : ''}`;
    const response = await get(t.http, auditor.token, `/v1/cases/${caseId}/history?${query}`);
    if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    coordinator = await createUser(t.http, 'coordinator');
    auditor = await createUser(t.http, 'auditor');
    await mark();
    const opened = await post(t.http, coordinator.token, '/v1/cases', { ...openCaseBody(), occurredAt: jan(7, 9) });
    caseId = opened.body.caseId;
    await mark();
    await write('/detention', {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: jan(6, 18),
    });
    const facility = { code: 'SI-18', name: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' };
    await write('/transfers', { facility, occurredAt: jan(9, 12) });
    await write('/whereabouts-unknown', { reportedBy: 'his sister', occurredAt: jan(8, 9) });
    await write('/release', { grounds: 'other', occurredAt: jan(12, 15) });
    const release = await events.eventId(caseId, 'Released');
    await write('/retractions', { eventId: release, reason: 'the release was a false report' });
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  it('recorded axis (the default): what we knew after each write', async () => {
    const expected = [
      { exists: false, version: 0, eventsIncluded: 0 },
      { exists: true, status: 'reported', version: 1, eventsIncluded: 1 },
      { status: 'in_police_custody', version: 2, currentFacility: null },
      { status: 'in_pretrial_detention', version: 3, currentFacility: { code: 'SI-18' } },
      // The late news happened before the transfer: it does not make him missing again.
      { status: 'in_pretrial_detention', version: 4, currentFacility: { code: 'SI-18' } },
      { status: 'released', version: 5, retractedEventIds: [] },
      { status: 'in_pretrial_detention', version: 6, eventsIncluded: 6, currentFacility: { code: 'SI-18' } },
    ];
    for (const [index, state] of expected.entries()) {
      const body = await history(recordedAfter[index]);
      expect({ index, ...body }).toMatchObject({ index, axis: 'recorded', asOf: recordedAfter[index], ...state });
    }
    expect((await history(recordedAfter[6], 'recorded')).retractedEventIds).toEqual([
      await events.eventId(caseId, 'Released'),
    ]);
  });

  it('occurred axis: what had happened by each instant, as we know it now', async () => {
    const expected: Array<[string, Record<string, unknown>]> = [
      [jan(6, 12), { exists: true, status: 'reported', eventsIncluded: 2 }],
      [jan(7, 0), { status: 'in_police_custody', eventsIncluded: 3 }],
      [jan(8, 12), { status: 'missing', currentFacility: null, eventsIncluded: 4 }],
      [jan(10, 0), { status: 'in_pretrial_detention', currentFacility: { code: 'SI-18' }, eventsIncluded: 5 }],
      // The release of Jan 12 was retracted: as we know it now, he was never released.
      [jan(13, 0), { status: 'in_pretrial_detention', eventsIncluded: 6, version: 6 }],
    ];
    for (const [asOf, state] of expected) {
      expect(await history(asOf, 'occurred')).toMatchObject({ axis: 'occurred', asOf, ...state });
    }
  });

  it('accepts an instant with an offset and answers it in UTC, without the fold bookkeeping', async () => {
    const body = await history('2022-01-08T14:00:00+05:00', 'occurred');
    expect(body).toMatchObject({ asOf: jan(8, 9), status: 'missing', detainee: { fullName: 'Arman Zholatov' } });
    expect(body).not.toHaveProperty('facts');
    expect(body).not.toHaveProperty('factIds');
  });
});
