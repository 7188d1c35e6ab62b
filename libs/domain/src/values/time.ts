import type { CalendarPeriod, Instant } from '../events/case-events';
import type { OccurredAtPrecision } from './vocabularies';

/** Times travel as ISO strings; they are compared as milliseconds, never as text (offsets differ). */
export function toMillis(instant: Instant): number {
  return Date.parse(instant);
}

export function isBefore(a: Instant, b: Instant): boolean {
  return toMillis(a) < toMillis(b);
}

export function isAtOrBefore(a: Instant, b: Instant): boolean {
  return toMillis(a) <= toMillis(b);
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** Precisions that name a period of the writer's calendar rather than an instant. */
const CALENDAR_LENGTHS: Readonly<Partial<Record<OccurredAtPrecision, number>>> = { day: 10, month: 7, year: 4 };

/**
 * The day, month or year the writer meant, taken from the time as they wrote it (`2022-01-08T00:30:00+06:00` with
 * precision `day` is `2022-01-08`). Kept beside the UTC instant because that instant falls on 7 January in UTC: a
 * reader in another zone would otherwise see another day. Null for precisions that are not a calendar period.
 */
export function occurredOnOf(written: string, precision: OccurredAtPrecision): CalendarPeriod | null {
  const length = CALENDAR_LENGTHS[precision];
  return length === undefined ? null : written.slice(0, length);
}
