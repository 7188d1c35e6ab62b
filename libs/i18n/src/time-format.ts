import type { Locale } from './locales';

/**
 * Time formatting shared by the server and the console. It uses `Intl` alone, no Node API, so the browser bundles it;
 * the few words it needs ("approximately", the date-and-time pattern) come through `say`, each side's own catalogue
 * look-up (the server reads the JSON files, the console loads the chosen language's).
 */
export type Say = (locale: Locale, key: string, values: Readonly<Record<string, string | number>>) => string;

/** A time as the fact states it: the instant, how precisely it is known, and the writer's own date when not exact. */
export interface FactTime {
  readonly occurredAt: string | Date;
  readonly occurredAtPrecision?: string | null;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the writer's calendar period for `day`, `month` and `year`. */
  readonly occurredOn?: string | null;
}

/**
 * Answers of `isTimeZone` kept per zone: building a formatter to test a zone is slow (an import checks one per row),
 * zones asked about are few, and what a runtime knows does not change while it runs. Bounded, as a caller may pass
 * any text of up to 64 characters.
 */
const zoneAnswers = new Map<string, boolean>();
const ZONE_ANSWERS_KEPT = 1000;

/** Whether `zone` is an IANA time zone this runtime knows ("Asia/Almaty", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  const known = zoneAnswers.get(zone);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    answer = true;
  } catch {
    answer = false;
  }
  if (zoneAnswers.size < ZONE_ANSWERS_KEPT) zoneAnswers.set(zone, answer);
  return answer;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * English dates are written day first ("8 January 2022"), as in international and UN documents and as the Russian
 * and Kazakh ones are; the 24-hour clock everywhere.
 */
const INTL_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', ru: 'ru', kk: 'kk' };

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], options);
    formats.set(key, format);
  }
  return format;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

function clock(locale: Locale, date: Date, timeZone: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
}

function asDate(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`i18n: not a time: ${String(value)}`);
  return date;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The `YYYY-MM-DD` an instant falls on in `timeZone`. The formatter is kept per zone: building one is far slower than
 * using it, and an export asks for the day of every row.
 */
export function localDay(instant: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(asDate(instant));
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

/** The formatters that need words, bound to one side's catalogue look-up. */
export interface TimeFormatting {
  /** The calendar date of an instant in `timeZone`, in words ("8 January 2022"). */
  formatDate(locale: Locale, instant: string | Date, timeZone: string): string;
  /** Date and time of an instant in `timeZone`, 24-hour clock, with the zone named ("8 January 2022, 00:30 (Asia/Almaty)"). */
  formatDateTime(locale: Locale, instant: string | Date, timeZone: string): string;
  /** A writer's calendar period (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) in words; no time zone applies to it. */
  formatCalendarPeriod(locale: Locale, period: string): string;
  /**
   * When a fact happened, as precisely as it is known and no more: `exact` with its time in `timeZone`; `day`, `month`
   * and `year` as the writer's own date (`occurredOn`), never an hour; `approximate` says so; `unknown` is a bound,
   * "no later than". A calendar fact without `occurredOn` (an old event) shows the date of its instant in `timeZone`.
   */
  formatFactTime(locale: Locale, fact: FactTime, timeZone: string): string;
}

export function timeFormatting(say: Say): TimeFormatting {
  /**
   * The month's name from ICU's parts; where the runtime's ICU has no Kazakh calendar data (some browsers' builds
   * answer "M01"), from the catalogue instead. Kazakh writes the nominative in both of its date forms.
   */
  function monthName(locale: Locale, parts: Intl.DateTimeFormatPart[]): string {
    const month = part(parts, 'month');
    const missing = /^M(\d{2})$/.exec(month);
    return missing === null ? month : say(locale, `vocabulary.time.month.${Number(missing[1])}`, {});
  }

  /**
   * A date in words. Kazakh official documents write "2022 жылғы 8 қаңтар" where ICU gives "2022 ж. 8 қаңтар", so the
   * Kazakh form is assembled from ICU's parts; English and Russian keep ICU's long form ("8 января 2022 г.").
   */
  function longDate(locale: Locale, date: Date, timeZone: string): string {
    if (locale !== 'kk') return formatter(locale, { dateStyle: 'long', timeZone }).format(date);
    const parts = formatter(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone }).formatToParts(date);
    return `${part(parts, 'year')} жылғы ${part(parts, 'day')} ${monthName(locale, parts)}`;
  }

  function formatMonth(locale: Locale, date: Date): string {
    if (locale === 'kk') {
      const parts = formatter(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(date);
      return `${part(parts, 'year')} жылғы ${monthName(locale, parts)}`;
    }
    return formatter(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  }

  function formatDateTime(locale: Locale, instant: string | Date, timeZone: string): string {
    const date = asDate(instant);
    return say(locale, 'vocabulary.time.dateTime', {
      date: longDate(locale, date, timeZone),
      time: clock(locale, date, timeZone),
      zone: timeZone,
    });
  }

  function formatCalendarPeriod(locale: Locale, period: string): string {
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(period);
    if (match === null) throw new Error(`i18n: not a calendar period: ${period}`);
    const [, year, month, day] = match;
    const date = new Date(Date.UTC(Number(year), Number(month ?? '1') - 1, Number(day ?? '1')));
    if (day !== undefined) return longDate(locale, date, 'UTC');
    if (month !== undefined) return formatMonth(locale, date);
    return say(locale, 'vocabulary.time.year', { year: Number(year) });
  }

  function formatFactTime(locale: Locale, fact: FactTime, timeZone: string): string {
    const precision = fact.occurredAtPrecision ?? 'exact';
    const date = asDate(fact.occurredAt);
    switch (precision) {
      case 'day':
      case 'month':
      case 'year': {
        if (fact.occurredOn) return formatCalendarPeriod(locale, fact.occurredOn);
        const local = localDay(date, timeZone);
        const length = precision === 'day' ? 10 : precision === 'month' ? 7 : 4;
        return formatCalendarPeriod(locale, local.slice(0, length));
      }
      case 'approximate':
        return say(locale, 'vocabulary.time.approximately', { when: formatDateTime(locale, date, timeZone) });
      case 'unknown':
        return say(locale, 'vocabulary.time.noLaterThan', { when: formatDateTime(locale, date, timeZone) });
      default:
        return formatDateTime(locale, date, timeZone);
    }
  }

  const formatDate = (locale: Locale, instant: string | Date, timeZone: string): string =>
    longDate(locale, asDate(instant), timeZone);

  return { formatDate, formatDateTime, formatCalendarPeriod, formatFactTime };
}
