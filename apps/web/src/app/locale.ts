import { DEFAULT_LOCALE, isLocale, type Locale, localeOr } from '@i18n-shared/locales';

/**
 * The language a person picked with the switch on this browser (a preference, not a secret; kept per account so the
 * next person at a shared screen gets their own), else the account's, else the browser's.
 */
const keyOf = (userId: string): string => `casetrack.locale.${userId}`;

export function chosenLocale(userId: string | undefined, accountLocale: string | undefined): Locale {
  const picked = userId === undefined ? null : window.localStorage.getItem(keyOf(userId));
  if (isLocale(picked)) return picked;
  if (isLocale(accountLocale)) return accountLocale;
  return localeOr(navigator.languages, DEFAULT_LOCALE);
}

export function rememberLocale(userId: string | undefined, locale: Locale): void {
  if (userId !== undefined) window.localStorage.setItem(keyOf(userId), locale);
}
