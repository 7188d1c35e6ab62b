import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo } from 'react';
import { api, consoleState } from '../../api/client';
import type { ConsoleSession } from '../../api/types';
import { closeSession, fetchSession, SESSION_KEY } from './session-api';
import { SessionContext, type SessionValue } from './session-context';

/**
 * Asks the API on load whether the cookie stands for a session (the CSRF token lives only in memory, so a reload asks
 * again). `fallback` shows while it answers.
 */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }): ReactNode {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await fetchSession(api);
      consoleState.setCsrf(session?.csrf ?? null);
      return session;
    },
    staleTime: Infinity,
    retry: false,
  });

  const signedIn = useCallback(
    (session: ConsoleSession) => {
      consoleState.setCsrf(session.csrf);
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await closeSession(api);
    } finally {
      consoleState.clear();
      // The session's own query is set to null, not cleared with the rest: clearing would detach this provider's
      // observer, which would go on handing out the old session (and the sign-in page would send the person back in).
      queryClient.setQueryData(SESSION_KEY, null);
      // Nothing else read under the session stays in memory for the next person at this screen.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    }
  }, [queryClient]);

  const value = useMemo<SessionValue>(
    () => ({ session: query.data ?? null, signedIn, signOut }),
    [query.data, signedIn, signOut],
  );
  if (query.isPending) return fallback;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
