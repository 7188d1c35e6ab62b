import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { Locale } from '@i18n-shared/locales';
import type { ReactNode } from 'react';
import enConsole from '@messages/en/console.json';
import enDossier from '@messages/en/dossier.json';
import enImport from '@messages/en/imports.json';
import enOffline from '@messages/en/offline.json';
import enRoles from '@messages/en/roles.json';
import enVocabulary from '@messages/en/vocabulary.json';
import kkConsole from '@messages/kk/console.json';
import kkDossier from '@messages/kk/dossier.json';
import kkImport from '@messages/kk/imports.json';
import kkOffline from '@messages/kk/offline.json';
import kkRoles from '@messages/kk/roles.json';
import kkVocabulary from '@messages/kk/vocabulary.json';
import ruConsole from '@messages/ru/console.json';
import ruDossier from '@messages/ru/dossier.json';
import ruImport from '@messages/ru/imports.json';
import ruOffline from '@messages/ru/offline.json';
import ruRoles from '@messages/ru/roles.json';
import ruVocabulary from '@messages/ru/vocabulary.json';
import type { ConsoleSession } from '../src/api/types';
import { SessionContext, type SessionValue } from '../src/features/auth/session-context';
import { I18nContext } from '../src/i18n/i18n-context';
import { Translator } from '../src/i18n/translator';

/** The real catalogues, as the browser loads them (one language's areas). */
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { ...enConsole, ...enVocabulary, ...enDossier, ...enRoles, ...enImport, ...enOffline },
  ru: { ...ruConsole, ...ruVocabulary, ...ruDossier, ...ruRoles, ...ruImport, ...ruOffline },
  kk: { ...kkConsole, ...kkVocabulary, ...kkDossier, ...kkRoles, ...kkImport, ...kkOffline },
};

export function translator(locale: Locale = 'en'): Translator {
  return new Translator(locale, MESSAGES[locale]);
}

export const COORDINATOR: ConsoleSession = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'coordinator@example.org',
    name: 'A. Coordinator',
    role: 'coordinator',
    timeZone: 'Asia/Almaty',
    locale: 'en',
  },
  csrf: { header: 'X-CSRF-Token', token: 'csrf-token' },
};

interface Options {
  readonly locale?: Locale;
  readonly timeZone?: string;
  readonly session?: SessionValue;
}

/** A component with what the console gives every page: Mantine, server state, a language and zone, a session. */
export function renderWithConsole(ui: ReactNode, options: Options = {}): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const session: SessionValue = options.session ?? {
    session: COORDINATOR,
    signedIn: () => undefined,
    signOut: async () => undefined,
  };
  return render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <I18nContext.Provider
          value={{
            translator: translator(options.locale),
            timeZone: options.timeZone ?? 'Asia/Almaty',
            setLocale: () => undefined,
          }}
        >
          <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
        </I18nContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
