import type { FactTime } from '@i18n-shared/time-format';
import { useI18n } from './i18n-context';

export interface Times {
  /** When a fact happened, with its precision and no more ("8 January 2022", "January 2022"). */
  fact(fact: FactTime): string;
  /** When a fact happened, or, with precision unknown, that the date is unknown and when it was recorded. */
  factWithRecorded(fact: FactTime & { readonly recordedAt: string }): string;
  /** An instant with its time, in the person's zone. */
  dateTime(instant: string): string;
  /**
   * A hearing's time: with its hour, or, known to the day only (`day`, stored as the day's midnight where it was
   * recorded), its date alone in the person's zone, never that midnight. Absent precision: exact.
   */
  scheduled(instant: string, precision?: string): string;
  /** The calendar date of an instant in the person's zone. */
  date(instant: string): string;
  /** A writer's calendar day (`YYYY-MM-DD`), as written; no zone applies. */
  day(period: string): string;
}

/** Times in the person's language and time zone (the account's), through the formatting the server uses too. */
export function useTimes(): Times {
  const { translator, timeZone } = useI18n();
  const { times, locale } = translator;
  return {
    fact: (fact) => times.formatFactTime(locale, fact, timeZone),
    factWithRecorded: (fact) =>
      fact.occurredAtPrecision === 'unknown'
        ? translator.t('console.time.unknownRecorded', {
            recorded: times.formatDate(locale, fact.recordedAt, timeZone),
          })
        : times.formatFactTime(locale, fact, timeZone),
    dateTime: (instant) => times.formatDateTime(locale, instant, timeZone),
    scheduled: (instant, precision) =>
      times.formatFactTime(
        locale,
        { occurredAt: instant, occurredAtPrecision: precision === 'day' ? 'day' : 'exact' },
        timeZone,
      ),
    date: (instant) => times.formatDate(locale, instant, timeZone),
    day: (period) => times.formatCalendarPeriod(locale, period),
  };
}
