import type { Locale } from '@casetrack/i18n';
import { isTimeZone, localDay, message } from '@casetrack/i18n';
import type { FeedHearing } from '@casetrack/read-model';
import { dateValue, escapeText, type IcsLine, icsText, nextDay, utcDateTime } from './ics';

export interface FeedContext {
  locale: Locale;
  /** The console's origin (PUBLIC_URL): each event links to `/cases/<caseId>`. */
  publicUrl: string;
  /** When the feed is written (DTSTAMP). */
  now: Date;
  /** The feed owner's zone (the account's; UTC if none): the day on which a hearing known to the day only falls. */
  timeZone?: string;
}

/** The first block of a case id: enough to tell a lawyer's cases apart at a glance, not a name. */
export function caseReference(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}

/** A hearing's length in the calendar: the held duration when recorded, else an hour to block in the day. */
const DEFAULT_MINUTES = 60;

/**
 * When the event happens: its start and end in UTC; or, for a hearing known to the day only, an all-day event
 * (`VALUE=DATE`, the end the next day, exclusive: RFC 5545 §3.6.1) on that day in the owner's zone, so that no
 * calendar shows it at midnight or at any other hour nobody knows.
 */
function eventTimes(hearing: FeedHearing, timeZone: string): IcsLine[] {
  if (hearing.scheduledAtPrecision === 'day') {
    const day = localDay(hearing.scheduledAt, timeZone);
    return [
      ['DTSTART;VALUE=DATE', dateValue(day)],
      ['DTEND;VALUE=DATE', dateValue(nextDay(day))],
    ];
  }
  const start = new Date(hearing.scheduledAt);
  const minutes = hearing.durationMinutes && hearing.durationMinutes > 0 ? hearing.durationMinutes : DEFAULT_MINUTES;
  return [
    ['DTSTART', utcDateTime(start)],
    ['DTEND', utcDateTime(new Date(start.getTime() + minutes * 60_000))],
  ];
}

/**
 * A user's hearings as an iCalendar document. Nothing a person typed reaches it: no detainee, judge, location or
 * notes; only the hearing's kind (from the catalogue, in the reader's language), the court (a court's name is not
 * sensitive in the contract), a short case reference and the link to the case in the console. The UID is the
 * hearing's id, so a calendar application updates the event it already holds; SEQUENCE grows with each move and
 * with the hearing being held or cancelled, and a cancelled hearing stays as STATUS:CANCELLED so the application
 * removes it.
 */
export function hearingCalendar(hearings: readonly FeedHearing[], context: FeedContext): string {
  const host = new URL(context.publicUrl).hostname || 'casetrack';
  const zone = isTimeZone(context.timeZone) ? context.timeZone : 'UTC';
  const stamp = utcDateTime(context.now);
  const t = (key: string, values?: Record<string, string>): string =>
    message(context.locale, `calendar.${key}`, values);
  const lines: IcsLine[] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', '-//casetrack//hearings//EN'],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    ['X-WR-CALNAME', escapeText(t('name'))],
  ];
  for (const hearing of hearings) {
    const kind = message(context.locale, `vocabulary.hearingKind.${hearing.kind}`);
    const reference = caseReference(hearing.caseId);
    const caseUrl = `${context.publicUrl}/cases/${hearing.caseId}`;
    const sequence = hearing.reschedules + (hearing.status === 'scheduled' ? 0 : 1);
    lines.push(
      ['BEGIN', 'VEVENT'],
      ['UID', `hearing-${hearing.hearingId}@${host}`],
      ['DTSTAMP', stamp],
      ...eventTimes(hearing, zone),
      ['SEQUENCE', String(sequence)],
      ['STATUS', hearing.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'],
      ['SUMMARY', escapeText(t('summary', { kind, court: hearing.court, reference }))],
      ['LOCATION', escapeText(hearing.court)],
      ['DESCRIPTION', escapeText(t('description', { kind, reference, url: caseUrl }))],
      ['URL', caseUrl],
      ['TRANSP', 'OPAQUE'],
      ['END', 'VEVENT'],
    );
  }
  lines.push(['END', 'VCALENDAR']);
  return icsText(lines);
}
