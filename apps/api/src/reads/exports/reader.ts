import type { AuthenticatedUser } from '@casetrack/auth';
import { localDay, type Locale } from '@casetrack/i18n';

/** Who reads an export: its language and the zone its times are printed in (the account's unless asked otherwise). */
export interface Reader {
  locale: Locale;
  timeZone: string;
}

export function readerOf(user: AuthenticatedUser, asked: { lang?: Locale; tz?: string }): Reader {
  return { locale: asked.lang ?? user.locale, timeZone: asked.tz ?? user.timeZone };
}

/** `cases-2026-11-30`: what the file is and the reader's day it was made. */
export function fileName(what: string, reader: Reader): string {
  return `${what}-${localDay(new Date(), reader.timeZone)}`;
}
