import type { FeedHearing } from '@casetrack/read-model';
import { hearingCalendar } from './hearing-calendar';

/** The unfolded lines of one VEVENT of the calendar, by hearing id. */
function eventLines(ics: string, hearingId: string): string[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const uid = lines.findIndex((line) => line.startsWith(`UID:hearing-${hearingId}@`));
  expect(uid).toBeGreaterThan(0);
  const end = lines.indexOf('END:VEVENT', uid);
  return lines.slice(uid, end);
}

const base: FeedHearing = {
  hearingId: '11111111-1111-4111-8111-111111111111',
  caseId: '22222222-2222-4222-8222-222222222222',
  kind: 'preventive_measure',
  court: 'Medeu District Court',
  scheduledAt: '2022-01-10T04:30:00.000Z',
  scheduledAtPrecision: 'exact',
  status: 'scheduled',
  durationMinutes: null,
  reschedules: 0,
};
const context = {
  locale: 'en' as const,
  publicUrl: 'https://casetrack.example',
  now: new Date('2022-01-01T00:00:00Z'),
};

describe('hearingCalendar', () => {
  it('writes an exact hearing as a UTC DATE-TIME event of an hour', () => {
    const lines = eventLines(hearingCalendar([base], { ...context, timeZone: 'Asia/Almaty' }), base.hearingId);
    expect(lines).toContain('DTSTART:20220110T043000Z');
    expect(lines).toContain('DTEND:20220110T053000Z');
  });

  it("writes a hearing known to the day only as an all-day event on its day in the owner's zone", () => {
    // 10 January in Almaty (UTC+5 then), stored as that day's midnight there: 9 January 19:00 UTC.
    const dayOnly: FeedHearing = {
      ...base,
      hearingId: '33333333-3333-4333-8333-333333333333',
      scheduledAt: '2022-01-09T19:00:00.000Z',
      scheduledAtPrecision: 'day',
    };
    const ics = hearingCalendar([base, dayOnly], { ...context, timeZone: 'Asia/Almaty' });
    const lines = eventLines(ics, dayOnly.hearingId);
    expect(lines).toContain('DTSTART;VALUE=DATE:20220110');
    expect(lines).toContain('DTEND;VALUE=DATE:20220111');
    expect(lines.some((line) => /^DT(START|END):/.test(line))).toBe(false);
  });

  it('falls back to UTC when the owner has no usable zone', () => {
    const dayOnly: FeedHearing = { ...base, scheduledAt: '2022-01-09T19:00:00.000Z', scheduledAtPrecision: 'day' };
    const lines = eventLines(hearingCalendar([dayOnly], { ...context, timeZone: 'Not/AZone' }), base.hearingId);
    expect(lines).toContain('DTSTART;VALUE=DATE:20220109');
    expect(lines).toContain('DTEND;VALUE=DATE:20220110');
  });
});
