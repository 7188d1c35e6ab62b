/** The languages casetrack speaks: every catalogue exists in each of them, English being the reference. */
export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the candidates that is a locale casetrack speaks, else `fallback`. Accepts regional tags ("ru-KZ")
 * by their language, so a value from a browser or an old account still picks its language.
 */
export function localeOr(candidates: unknown | readonly unknown[], fallback: Locale = DEFAULT_LOCALE): Locale {
  const list: readonly unknown[] = Array.isArray(candidates) ? candidates : [candidates];
  for (const candidate of list) {
    if (typeof candidate !== 'string') continue;
    const language = candidate.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return fallback;
}
