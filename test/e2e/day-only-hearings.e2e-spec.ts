import ICAL from 'ical.js';
import request from 'supertest';
import { localDay } from '@casetrack/i18n';
import { CaseSession } from '../support/case-session';
import { HOUR, openCaseBody, post } from '../support/e2e';
import { createUser, type TestUser } from '../support/test-app';

/** The test users' zone (createUser). */
const ZONE = 'Asia/Almaty';

/** The instant of `day`'s midnight in ZONE: how the console stores a hearing known to the day only. */
function midnightIn(day: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at that moment: its wall clock read as UTC, minus the instant.
  const wall = new Date(guess).toLocaleString('sv-SE', { timeZone: ZONE, hourCycle: 'h23' }).replace(' ', 'T');
  const offset = Date.parse(`${wall}Z`) - guess;
  return new Date(guess - offset).toISOString();
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * A hearing known to the day only (`scheduledAtPrecision: 'day'`, stored as the day's midnight in the recorder's
 * zone) stays on the agenda, and is the case's next hearing, all through its own day, and says it is known to the day;
 * the calendar feed makes it an all-day event on that day in the lawyer's zone.
 */
describe('hearings known to the day only', () => {
  let s: CaseSession;
  let lawyer: TestUser;
  let caseId: string;
  const today = localDay(new Date(), ZONE);
  const ids: Record<'today' | 'yesterday' | 'hourAgo' | 'inAnHour', string> = {
    today: '',
    yesterday: '',
    hourAgo: '',
    inAnHour: '',
  };

  async function hearing(court: string, scheduledAt: string, day: boolean): Promise<string> {
    const body = { kind: 'trial', court, scheduledAt, ...(day ? { scheduledAtPrecision: 'day' } : {}) };
    return (await s.write(lawyer, `/v1/cases/${caseId}/hearings`, body)).body.hearingId as string;
  }

  beforeAll(async () => {
    s = await CaseSession.start();
    lawyer = await createUser(s.t.http, 'lawyer', 'day-lawyer');
    caseId = (await s.write(lawyer, '/v1/cases', openCaseBody())).body.caseId as string;
    ids.today = await hearing('Court of today', midnightIn(today), true);
    ids.yesterday = await hearing('Court of yesterday', midnightIn(dayBefore(today)), true);
    ids.hourAgo = await hearing('Court of an hour ago', new Date(Date.now() - HOUR).toISOString(), false);
    ids.inAnHour = await hearing('Court in an hour', new Date(Date.now() + HOUR).toISOString(), false);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the agenda keeps a day-only hearing until its day is over, and says it is known to the day', async () => {
    const response = await s.read(lawyer, '/v1/agenda?days=7');
    expect(response.status).toBe(200);
    const hearings = (response.body.items as Array<Record<string, unknown>>).filter((item) => item.kind === 'hearing');
    expect(hearings.map((item) => item.hearing)).toEqual([
      { hearingId: ids.today, kind: 'trial', court: 'Court of today', scheduledAtPrecision: 'day' },
      { hearingId: ids.inAnHour, kind: 'trial', court: 'Court in an hour', scheduledAtPrecision: 'exact' },
    ]);
    expect(hearings[0]!.at).toBe(midnightIn(today));
  });

  it("the case's next hearing is today's day-only one, with its precision, in the detail and the list", async () => {
    const detail = await s.read(lawyer, `/v1/cases/${caseId}`);
    expect(detail.body.nextHearing).toEqual({
      hearingId: ids.today,
      kind: 'trial',
      court: 'Court of today',
      scheduledAt: midnightIn(today),
      scheduledAtPrecision: 'day',
    });
    const list = await s.read(lawyer, `/v1/cases?lawyerId=${lawyer.id}`);
    const row = (list.body.items as Array<Record<string, unknown>>).find((item) => item.caseId === caseId);
    expect(row?.nextHearing).toMatchObject({ hearingId: ids.today, scheduledAtPrecision: 'day' });
  });

  it("the calendar feed writes it as an all-day event on its day in the lawyer's zone", async () => {
    const made = await post(s.t.http, lawyer.token, '/v1/users/me/calendar-feed');
    expect(made.status).toBe(201);
    const feed = await request(s.t.http).get(new URL(made.body.url as string).pathname);
    expect(feed.status).toBe(200);
    const text = feed.text.replace(/\r\n /g, '');
    const compact = today.replace(/-/g, '');
    expect(text).toContain(`DTSTART;VALUE=DATE:${compact}`);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const allDay = events.find((event) => event.uid.startsWith(`hearing-${ids.today}@`));
    expect(allDay?.startDate.isDate).toBe(true);
    expect(allDay?.startDate.toString()).toBe(today);
    expect(allDay?.endDate.isDate).toBe(true);
    const timed = events.find((event) => event.uid.startsWith(`hearing-${ids.inAnHour}@`));
    expect(timed?.startDate.isDate).toBe(false);
  });
});
