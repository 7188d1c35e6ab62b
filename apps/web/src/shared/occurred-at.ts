import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';
import { NOT_DATE, REQUIRED } from './validation';

dayjs.extend(utc);
dayjs.extend(timezone);

export const PRECISIONS = ['exact', 'approximate', 'day', 'month', 'year', 'unknown'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** What the person typed about when a fact happened: how precisely it is known, and the value at that precision. */
export interface WhenValues {
  readonly occurredAtPrecision: Precision;
  /** `YYYY-MM-DDTHH:mm` (exact, approximate), `YYYY-MM-DD` (day), `YYYY-MM` (month), `YYYY` (year), '' (now/unknown). */
  readonly occurredAt: string;
}

export const WHEN_INITIAL: WhenValues = { occurredAtPrecision: 'exact', occurredAt: '' };

/** The input each precision takes. */
export function inputTypeOf(precision: Precision): 'datetime-local' | 'date' | 'month' | 'number' | null {
  switch (precision) {
    case 'exact':
    case 'approximate':
      return 'datetime-local';
    case 'day':
      return 'date';
    case 'month':
      return 'month';
    case 'year':
      return 'number';
    case 'unknown':
      return null;
  }
}

const SHAPES: Readonly<Record<Precision, RegExp>> = {
  exact: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
  approximate: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  unknown: /^$/,
};

/** Exact may be left empty (it happened now); the calendar precisions need their value; unknown takes none. */
export const whenSchema = z
  .object({ occurredAtPrecision: z.enum(PRECISIONS), occurredAt: z.string().trim() })
  .superRefine((value, ctx) => {
    const { occurredAtPrecision: precision, occurredAt: at } = value;
    if (precision === 'unknown' || (precision === 'exact' && at === '')) return;
    if (at === '') ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: REQUIRED });
    else if (!SHAPES[precision].test(at)) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: NOT_DATE });
  });

/**
 * The body's `occurredAt`/`occurredAtPrecision`: the wall-clock time the person typed, read in their time zone and
 * sent with its offset. The offset matters: the API keeps a day, month or year fact's own date from what was written
 * (`2022-01-08T00:00:00+06:00` is 8 January, whatever UTC says). Exact and empty: nothing is sent (the server's now).
 */
export function whenToBody(
  when: WhenValues,
  timeZone: string,
): { occurredAt?: string; occurredAtPrecision?: Precision } {
  const { occurredAtPrecision: precision } = when;
  const at = when.occurredAt.trim();
  if (precision === 'unknown') return { occurredAtPrecision: 'unknown' };
  if (at === '') return {};
  const wall = precision === 'year' ? `${at}-01-01T00:00` : precision === 'month' ? `${at}-01T00:00` : at;
  const local = dayjs.tz(wall.length === 10 ? `${wall}T00:00` : wall, timeZone);
  return { occurredAt: local.format('YYYY-MM-DDTHH:mm:ssZ'), occurredAtPrecision: precision };
}

/** An instant typed as wall-clock time (`YYYY-MM-DDTHH:mm`) in `timeZone`, as ISO-8601 with its offset. */
export function wallTimeToIso(value: string, timeZone: string): string {
  return dayjs.tz(value, timeZone).format('YYYY-MM-DDTHH:mm:ssZ');
}
