import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues } from './catalogue';
import { DEFAULT_LOCALE, type Locale } from './locales';

export type MessageValues = Readonly<Record<string, string | number | Date>>;

const compiled = new Map<string, IntlMessageFormat>();

/**
 * The message `key` in `locale`, formatted with `values` (ICU MessageFormat: plurals, selects, dates).
 * A key missing in ru or kk falls back to English; a key missing in English is a programming error and throws,
 * so a typo never prints a raw key into a dossier or an email.
 */
export function message(locale: Locale, key: string, values?: MessageValues): string {
  const all = catalogues();
  let used: Locale = locale;
  let source = all.get(locale)?.[key];
  if (source === undefined) {
    used = DEFAULT_LOCALE;
    source = all.get(DEFAULT_LOCALE)?.[key];
  }
  if (source === undefined) throw new Error(`i18n: no message ${key}`);
  const cacheKey = `${used}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(source, used);
    compiled.set(cacheKey, format);
  }
  const out = format.format<string>(values as Record<string, string | number | Date> | undefined);
  if (typeof out !== 'string') throw new Error(`i18n: message ${key} did not format to text`);
  return out;
}

/** Whether `key` exists (in English, the reference catalogue), for labels of values that may be new. */
export function hasMessage(key: string): boolean {
  return catalogues().get(DEFAULT_LOCALE)?.[key] !== undefined;
}
