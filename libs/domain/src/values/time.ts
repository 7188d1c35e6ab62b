import type { Instant } from '../events/case-events';

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
