import type { OccurredAtPrecision } from '@casetrack/domain';
import { readClock, readWrittenDate, type WrittenDate } from './written-date';
import { instantOf, zonedIso } from './zone';

/** What a write body takes for when a fact happened, or why a cell cannot say it. Absent: not known, not "now". */
export type FactTimeReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'time'; readonly occurredAt: string; readonly occurredAtPrecision: OccurredAtPrecision }
  | { readonly kind: 'invalid'; readonly messageKey: string };

export interface ZoneAndNow {
  readonly timeZone: string;
  readonly now: Date;
}

/** The API refuses a fact more than five minutes ahead of its clock; a list's date is held to the same. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A day or an exact time written as "about" is an approximate time; a month or a year is already only that. */
function precisionOf(date: WrittenDate): OccurredAtPrecision {
  return date.approximate && (date.precision === 'day' || date.precision === 'exact') ? 'approximate' : date.precision;
}

/**
 * When a fact happened, from a list's date cell read in the importer's zone: the start of the period written
 * (`2022-01-05T00:00:00+06:00` for 5 January 2022 in Asia/Almaty, day precision) and its precision. A period that
 * starts in the future is refused.
 */
export function readFactTime(text: string, { timeZone, now }: ZoneAndNow): FactTimeReading {
  const read = readWrittenDate(text, now);
  if (read === null) return { kind: 'absent' };
  if (!read.ok) return { kind: 'invalid', messageKey: read.messageKey };
  if (instantOf(read.date.wall, timeZone) > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { kind: 'invalid', messageKey: 'imports.value.dateInFuture' };
  }
  return { kind: 'time', occurredAt: zonedIso(read.date.wall, timeZone), occurredAtPrecision: precisionOf(read.date) };
}

export type CalendarDateReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'invalid'; readonly messageKey: string };

const two = (n: number): string => String(n).padStart(2, '0');

/** A date of birth as the intake takes it (`YYYY-MM-DD`, past): a calendar day, no zone; a month or year will not do. */
export function readBirthDate(text: string, now: Date): CalendarDateReading {
  const read = readWrittenDate(text, now);
  if (read === null) return { kind: 'absent' };
  if (!read.ok) return { kind: 'invalid', messageKey: read.messageKey };
  const { precision, approximate, wall } = read.date;
  if (precision !== 'day' || approximate) return { kind: 'invalid', messageKey: 'imports.value.birthDateNotDay' };
  const date = `${wall.year}-${two(wall.month)}-${two(wall.day)}`;
  if (Date.parse(`${date}T00:00:00Z`) > now.getTime())
    return { kind: 'invalid', messageKey: 'imports.value.dateInFuture' };
  return { kind: 'date', date };
}

export type ScheduledAtReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'time'; readonly scheduledAt: string }
  | { readonly kind: 'invalid'; readonly messageKey: string; readonly field: 'scheduledAt' | 'hearingTime' };

/**
 * When a hearing is set: a date with its time in one cell, or the date in one column and the hour in another (court
 * lists often have "дата" and "время"). A hearing needs its hour; a day alone is refused, never set to midnight.
 */
export function readScheduledAt(
  dateText: string,
  timeText: string | null,
  { timeZone, now }: ZoneAndNow,
): ScheduledAtReading {
  const read = readWrittenDate(dateText, now);
  if (read === null) return { kind: 'absent' };
  if (!read.ok) return { kind: 'invalid', messageKey: read.messageKey, field: 'scheduledAt' };
  const { precision, wall } = read.date;
  if (precision === 'exact') return { kind: 'time', scheduledAt: zonedIso(wall, timeZone) };
  if (precision !== 'day')
    return { kind: 'invalid', messageKey: 'imports.value.hearingNeedsDay', field: 'scheduledAt' };
  if (timeText === null || timeText.trim() === '') {
    return { kind: 'invalid', messageKey: 'imports.value.timeMissing', field: 'scheduledAt' };
  }
  const clock = readClock(timeText);
  if (clock === null) return { kind: 'invalid', messageKey: 'imports.value.timeUnreadable', field: 'hearingTime' };
  return { kind: 'time', scheduledAt: zonedIso({ ...wall, hour: clock[0], minute: clock[1] }, timeZone) };
}
