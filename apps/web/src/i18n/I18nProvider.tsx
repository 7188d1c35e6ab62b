import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type Locale } from '@i18n-shared/locales';
import { loadMessages } from './catalogue';
import { I18nContext, type I18n } from './i18n-context';
import { Translator } from './translator';

interface Props {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly onLocaleChange: (locale: Locale) => void;
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

/**
 * Loads the chosen language's catalogue and gives the pages a translator; while a newly chosen language loads, the
 * previous one stays on screen instead of a blank page.
 */
export function I18nProvider({ locale, timeZone, onLocaleChange, fallback, children }: Props): ReactNode {
  const [translator, setTranslator] = useState<Translator | null>(null);

  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((messages) => {
      if (current) setTranslator(new Translator(locale, messages));
    });
    return () => {
      current = false;
    };
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n | null>(
    () => (translator === null ? null : { translator, timeZone, setLocale: onLocaleChange }),
    [translator, timeZone, onLocaleChange],
  );
  if (value === null) return fallback;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
