import { DEFAULT_LOCALE, isLocale, type Locale, localeOr } from '@i18n-shared/locales';

/**
 * The language the person picked with the switch on this browser (a preference, not a secret), else the account's,
 * else the browser's.
 */
const KEY = 'casetrack.locale';

export function chosenLocale(accountLocale: string | undefined): Locale {
  const picked = window.localStorage.getItem(KEY);
  if (isLocale(picked)) return picked;
  if (isLocale(accountLocale)) return accountLocale;
  return localeOr(navigator.languages, DEFAULT_LOCALE);
}

export function rememberLocale(locale: Locale): void {
  window.localStorage.setItem(KEY, locale);
}
