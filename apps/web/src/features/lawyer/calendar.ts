import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export type CalendarView = 'week' | 'month';

export interface CalendarPeriod {
  /** The days shown, as the lawyer's calendar dates (YYYY-MM-DD), Monday first, in rows of seven. */
  readonly days: readonly string[];
  /** The instants the period covers, [from, to), as UTC ISO times for GET /v1/hearings. */
  readonly from: string;
  readonly to: string;
}

/** Monday of the week holding `day` (dayjs counts Sunday as 0). */
function monday(day: Dayjs): Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day');
}

/**
 * The week or month around `anchor` (a calendar date) in the zone `timeZone`: a month shows whole weeks from the Monday
 * on or before its first day to the Sunday on or after its last. Midnights are the zone's, so a hearing at 00:30 in
 * Almaty falls on its own day even though it is the previous day in UTC.
 */
export function calendarPeriod(anchor: string, view: CalendarView, timeZone: string): CalendarPeriod {
  const start = view === 'week' ? monday(dayjs(anchor)) : monday(dayjs(anchor).startOf('month'));
  const end = view === 'week' ? start.add(7, 'day') : monday(dayjs(anchor).endOf('month').startOf('day')).add(7, 'day');
  const days: string[] = [];
  for (let day = start; day.isBefore(end); day = day.add(1, 'day')) days.push(day.format('YYYY-MM-DD'));
  return {
    days,
    from: dayjs.tz(start.format('YYYY-MM-DD'), timeZone).toISOString(),
    to: dayjs.tz(end.format('YYYY-MM-DD'), timeZone).toISOString(),
  };
}

/** The lawyer's calendar date of an instant. */
export function dayIn(instant: string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

/** The date a step before or after `anchor` (a week or a month). */
export function step(anchor: string, view: CalendarView, by: 1 | -1): string {
  return dayjs(anchor).add(by, view).format('YYYY-MM-DD');
}

/** Today in the zone. */
export function today(timeZone: string, now: Date = new Date()): string {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}
