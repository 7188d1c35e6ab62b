import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo } from 'react';
import { api, consoleState } from '../../api/client';
import { ApiError } from '../../api/errors';
import { offlineDevice } from '../../offline/ui/device';
import type { ConsoleSession } from '../../api/types';
import { closeSession, fetchSession, SESSION_KEY } from './session-api';
import { SessionContext, type SessionValue } from './session-context';

/** The session query's answer when the API was not reached and a locked vault could open the console. */
const OFFLINE_LOCKED = 'offline-locked';

/**
 * Asks the API on load whether the cookie stands for a session (the CSRF token lives only in memory, so a reload asks
 * again). `fallback` shows while it answers.
 */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }): ReactNode {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<ConsoleSession | null | typeof OFFLINE_LOCKED> => {
      try {
        const session = await fetchSession(api);
        // A session answered from the offline vault has no CSRF token: the outbox's sync asks for one when online.
        consoleState.setCsrf(session?.csrf ?? null);
        return session;
      } catch (error) {
        if (error instanceof ApiError) throw error;
        // No answer at all: with a locked vault on this device, the console can open from it (issue 18).
        const vault = offlineDevice()?.vault;
        if (vault !== undefined && (await vault.ready()) === 'locked') return OFFLINE_LOCKED;
        throw error;
      }
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
    // Signing out locks this device's vault: its key leaves memory before anything else.
    offlineDevice()?.vault.lock();
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

  const { refetch } = query;
  const value = useMemo<SessionValue>(
    () => ({
      session: query.data === OFFLINE_LOCKED ? null : (query.data ?? null),
      signedIn,
      signOut,
      offlineStart: query.data === OFFLINE_LOCKED ? () => void refetch() : undefined,
    }),
    [query.data, signedIn, signOut, refetch],
  );
  if (query.isPending) return fallback;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
