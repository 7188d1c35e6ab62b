import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { Locale } from '@i18n-shared/locales';
import { type ReactNode, useCallback, useState } from 'react';
import { RouterProvider } from 'react-router';
import { SessionProvider } from '../features/auth/SessionProvider';
import { useSession } from '../features/auth/session-context';
import { I18nProvider } from '../i18n/I18nProvider';
import { PageLoader } from '../shared/PageLoader';
import { chosenLocale, rememberLocale } from './locale';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { cssVariables, theme } from './theme';

/** The language and time zone come from the account once signed in; before that, from the browser. */
function Localised({ children }: { children: ReactNode }): ReactNode {
  const { session } = useSession();
  const user = session?.user;
  const userId = user?.id;
  const [picked, setPicked] = useState<{ readonly userId: string | undefined; readonly locale: Locale } | null>(null);
  const locale = picked !== null && picked.userId === userId ? picked.locale : chosenLocale(userId, user?.locale);
  const timeZone = user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const onLocaleChange = useCallback(
    (next: Locale) => {
      rememberLocale(userId, next);
      setPicked({ userId, locale: next });
    },
    [userId],
  );
  return (
    <I18nProvider locale={locale} timeZone={timeZone} onLocaleChange={onLocaleChange} fallback={<PageLoader />}>
      {children}
    </I18nProvider>
  );
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }): ReactNode {
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider fallback={<PageLoader />}>
          <Localised>
            <Notifications />
            <RouterProvider router={router} />
          </Localised>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
