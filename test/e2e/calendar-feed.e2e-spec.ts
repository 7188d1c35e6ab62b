import ICAL from 'ical.js';
import request from 'supertest';
import { CaseSession } from '../support/case-session';
import { DAY, expectError, fromNow, openCaseBody, post } from '../support/e2e';
import { ADMIN, createUser, login, type TestUser } from '../support/test-app';

const FULL_NAME = 'Arman Zholatov';
const JUDGE = 'Judge Sekretbekov';
const LOCATION = 'Room behind the SIZO kitchen';
const CANCEL_REASON = 'the judge fell ill at Qonaev street';
const NOTE = 'TESTIMONY typed by a lawyer';
// Long and Cyrillic: its SUMMARY line is folded, in the middle of multi-byte characters if it were cut by bytes.
const LONG_COURT = 'Специализированный межрайонный суд по уголовным делам города Алматы, зал № 3';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: ICAL.Time;
  sequence: number;
  status: string | null;
  url: string | null;
  location: string | null;
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status') as string | null,
      url: vevent.getFirstPropertyValue('url') as string | null,
      location: event.location,
    };
  });
}

/** The path of a feed URL, for supertest. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('the lawyer’s iCalendar feed', () => {
  let s: CaseSession;
  let lawyer: TestUser;
  let other: TestUser;
  let coordinator: TestUser;
  let adminToken: string;
  let caseId: string;
  const hearings: Record<'kept' | 'moved' | 'cancelled' | 'long', string> = {
    kept: '',
    moved: '',
    cancelled: '',
    long: '',
  };
  const keptAt = fromNow(3 * DAY);
  const movedTo = new Date(Date.now() + 5 * DAY).toISOString();

  async function hearing(court: string, at: string): Promise<string> {
    const body = { kind: 'preventive_measure', court, judge: JUDGE, location: LOCATION, scheduledAt: at };
    return (await s.write(lawyer, `/v1/cases/${caseId}/hearings`, body)).body.hearingId as string;
  }

  /** The feed once the read models include every write so far. */
  async function feed(url: string): Promise<request.Response> {
    expect((await s.read(lawyer, '/v1/hearings')).status).toBe(200);
    return request(s.t.http).get(pathOf(url));
  }

  beforeAll(async () => {
    s = await CaseSession.start();
    lawyer = await createUser(s.t.http, 'lawyer', 'feed-lawyer');
    other = await createUser(s.t.http, 'lawyer', 'other-lawyer');
    coordinator = await createUser(s.t.http, 'coordinator');
    adminToken = await login(s.t.http, ADMIN.email, ADMIN.password);
    caseId = (await s.write(lawyer, '/v1/cases', openCaseBody(FULL_NAME))).body.caseId as string;
    await s.write(lawyer, `/v1/cases/${caseId}/notes`, { text: NOTE });
    hearings.kept = await hearing('Almaly district court', keptAt);
    hearings.moved = await hearing('Medeu district court', fromNow(4 * DAY));
    await s.write(lawyer, `/v1/cases/${caseId}/hearings/${hearings.moved}/reschedule`, { scheduledAt: movedTo });
    hearings.cancelled = await hearing('Bostandyk district court', fromNow(6 * DAY));
    await s.write(lawyer, `/v1/cases/${caseId}/hearings/${hearings.cancelled}/cancel`, { reason: CANCEL_REASON });
    hearings.long = await hearing(LONG_COURT, fromNow(7 * DAY));
    // Another lawyer's case: never in this feed.
    const otherCase = (await s.write(other, '/v1/cases', openCaseBody('Dana Ospanova'))).body.caseId as string;
    await s.write(other, `/v1/cases/${otherCase}/hearings`, {
      kind: 'trial',
      court: 'Court of the other case',
      scheduledAt: fromNow(2 * DAY),
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it('is RFC 5545 a real parser reads: one event per hearing, stable UIDs, UTC starts, sequence and cancellation', async () => {
    const made = await post(s.t.http, lawyer.token, '/v1/users/me/calendar-feed');
    expect(made.status).toBe(201);
    expect(Object.keys(made.body)).toEqual(['url']);
    expect(made.body.url).toMatch(/^http:\/\/localhost:3000\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await feed(made.body.url as string);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const text = response.text;
    // CRLF everywhere, no line longer than 75 octets, and the long court's line was folded.
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);

    const events = parseFeed(text);
    expect(events.map((e) => e.uid).sort()).toEqual(
      Object.values(hearings)
        .map((id) => `hearing-${id}@localhost`)
        .sort(),
    );
    const byId = (id: string): ParsedEvent => {
      const event = events.find((e) => e.uid === `hearing-${id}@localhost`);
      if (event === undefined) throw new Error(`no event for ${id}`);
      return event;
    };
    const kept = byId(hearings.kept);
    expect(kept.start.zone.tzid).toBe('UTC');
    expect(kept.start.toJSDate().toISOString()).toBe(new Date(keptAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
    expect(kept.sequence).toBe(0);
    expect(kept.status).toBe('CONFIRMED');
    expect(kept.summary).toBe(
      `Hearing: choice of a preventive measure · Almaly district court · case ${caseId.slice(0, 8).toUpperCase()}`,
    );
    expect(kept.url).toBe(`http://localhost:3000/cases/${caseId}`);
    expect(kept.location).toBe('Almaly district court');

    const moved = byId(hearings.moved);
    expect(moved.start.toJSDate().toISOString()).toBe(movedTo.replace(/\.\d{3}Z$/, '.000Z'));
    expect(moved.sequence).toBe(1);
    const cancelled = byId(hearings.cancelled);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(1);
    // Folded across lines (and multi-byte characters), read back whole.
    expect(byId(hearings.long).summary).toContain(LONG_COURT);

    // Nothing a person typed: not the name in any spelling, the judge, the location, the reason, the note.
    for (const typed of [FULL_NAME, 'Zholatov', 'Жолатов', JUDGE, LOCATION, CANCEL_REASON, NOTE, 'sister']) {
      expect(text).not.toContain(typed);
    }
    expect(text).not.toContain('Court of the other case');

    // The same hearings keep their UIDs from one fetch to the next.
    const again = parseFeed((await feed(made.body.url as string)).text);
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it('speaks the lawyer’s language', async () => {
    const made = await post(s.t.http, other.token, '/v1/users/me/calendar-feed');
    const changed = await request(s.t.http)
      .patch(`/v1/users/${other.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ locale: 'ru' });
    expect(changed.status).toBe(200);
    const events = parseFeed((await feed(made.body.url as string)).text);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toMatch(/^Заседание: .* · Court of the other case · дело [0-9A-F]{8}$/);
  });

  it('a new URL replaces the old; revoking ends it at once; both answer 404 with the contract’s body', async () => {
    const first = (await post(s.t.http, lawyer.token, '/v1/users/me/calendar-feed')).body.url as string;
    const second = (await post(s.t.http, lawyer.token, '/v1/users/me/calendar-feed')).body.url as string;
    expect(second).not.toBe(first);
    expectError(await request(s.t.http).get(pathOf(first)), 404, 'NOT_FOUND');
    expect((await request(s.t.http).get(pathOf(second))).status).toBe(200);

    const revoked = await request(s.t.http)
      .delete('/v1/users/me/calendar-feed')
      .set('Authorization', `Bearer ${lawyer.token}`);
    expect(revoked.status).toBe(204);
    expectError(await request(s.t.http).get(pathOf(second)), 404, 'NOT_FOUND');
    // Revoking again is no error.
    const again = await request(s.t.http)
      .delete('/v1/users/me/calendar-feed')
      .set('Authorization', `Bearer ${lawyer.token}`);
    expect(again.status).toBe(204);
  });

  it('answers 404 for a malformed or unknown secret, and for a disabled account', async () => {
    expectError(await request(s.t.http).get('/v1/calendar/short.ics'), 404, 'NOT_FOUND');
    expectError(await request(s.t.http).get(`/v1/calendar/${'A'.repeat(43)}.ics`), 404, 'NOT_FOUND');
    const leaving = await createUser(s.t.http, 'lawyer', 'leaving-lawyer');
    const url = (await post(s.t.http, leaving.token, '/v1/users/me/calendar-feed')).body.url as string;
    expect((await request(s.t.http).get(pathOf(url))).status).toBe(200);
    expect((await post(s.t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(200);
    expectError(await request(s.t.http).get(pathOf(url)), 404, 'NOT_FOUND');
  });

  it('is for lawyers: others 403, nobody signed out', async () => {
    expectError(await post(s.t.http, coordinator.token, '/v1/users/me/calendar-feed'), 403, 'FORBIDDEN');
    expectError(await post(s.t.http, adminToken, '/v1/users/me/calendar-feed'), 403, 'FORBIDDEN');
    expectError(await post(s.t.http, null, '/v1/users/me/calendar-feed'), 401, 'UNAUTHENTICATED');
    expectError(await request(s.t.http).delete('/v1/users/me/calendar-feed'), 401, 'UNAUTHENTICATED');
  });
});
