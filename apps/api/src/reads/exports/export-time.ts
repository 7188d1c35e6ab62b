import { type Locale, localDay, message } from '@casetrack/i18n';
import type { OccurredAtPrecision } from '@casetrack/domain';

export type Precision = OccurredAtPrecision;

const HOUR = 3_600_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC (ms) at an instant. Asked of Intl once per zone and hour, since a zone's offset changes
 * only on an hour (or half hour) boundary and an export prints hundreds of thousands of times.
 */
export function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const hour = Math.floor(ms / (HOUR / 2));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const at = hour * (HOUR / 2);
    const local = localDay(new Date(at), timeZone);
    const clock = clockFormat(timeZone).format(new Date(at)).split(':').map(Number);
    offset = Date.UTC(...ymd(local), clock[0], clock[1]) - at;
    zone.set(hour, offset);
  }
  return offset;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The zone's `HH:mm` formatter, built once per zone (building one costs far more than a cache miss's other work). */
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    clocks.set(timeZone, format);
  }
  return format;
}

function ymd(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))];
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD HH:mm` in `timeZone`: a spreadsheet sorts it as text and reads it as a date. */
function minute(ms: number, timeZone: string): string {
  const local = new Date(ms + offsetAt(ms, timeZone));
  return (
    `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`
  );
}

/**
 * A time of the export (an instant, its text, or epoch milliseconds) in the reader's zone with the precision it is known with and no more: exact to the minute;
 * `day`, `month`, `year` as the writer's period (`occurredOn`) or else the period of the instant in the zone, never an
 * hour; `approximate` and `unknown` (no later than) say so in the reader's language. Numeric rather than in words, so
 * that a spreadsheet can sort the column.
 */
export function exportTime(
  locale: Locale,
  timeZone: string,
  instant: Date | string | number | null,
  precision: Precision | null = 'exact',
  occurredOn: string | null = null,
): string | null {
  if (instant === null) return null;
  const ms =
    typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  switch (precision ?? 'exact') {
    case 'day':
      return occurredOn ?? localDay(new Date(ms), timeZone);
    case 'month':
      return occurredOn ?? localDay(new Date(ms), timeZone).slice(0, 7);
    case 'year':
      return occurredOn ?? localDay(new Date(ms), timeZone).slice(0, 4);
    case 'approximate':
      return message(locale, 'vocabulary.time.approximately', { when: minute(ms, timeZone) });
    case 'unknown':
      return message(locale, 'vocabulary.time.noLaterThan', { when: minute(ms, timeZone) });
    case 'exact':
      return minute(ms, timeZone);
  }
}
