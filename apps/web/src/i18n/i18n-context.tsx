import { createContext, useContext } from 'react';
import type { Locale } from '@i18n-shared/locales';
import type { Translator } from './translator';

export interface I18n {
  readonly translator: Translator;
  readonly timeZone: string;
  setLocale(locale: Locale): void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The catalogue look-up: `const t = useT(); t('console.board.title')`. */
export function useT(): Translator['t'] {
  const { translator } = useI18n();
  return (key, values) => translator.t(key, values);
}
