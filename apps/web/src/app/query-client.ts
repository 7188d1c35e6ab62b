import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { SESSION_KEY } from '../features/auth/session-api';

/**
 * Server state. A 401 on any read or write means the session ended (signed out elsewhere, disabled, expired): the
 * session is forgotten and the router sends the person to sign in. 4xx answers are not retried; a lagging projection
 * is.
 */
export function createQueryClient(): QueryClient {
  const sessionEnded = (error: unknown): void => {
    if (error instanceof ApiError && error.status === 401) client.setQueryData(SESSION_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (query.queryKey[0] !== SESSION_KEY[0]) sessionEnded(error);
      },
    }),
    // Only with a session: signing in answers 401 for a wrong password, which is the sign-in page's to show.
    mutationCache: new MutationCache({
      onError(error) {
        if (client.getQueryData(SESSION_KEY)) sessionEnded(error);
      },
    }),
    defaultOptions: {
      // Offline (issue 18), reads and writes are still tried: a read is answered from this device's vault, a write
      // is kept in its outbox (sendWrite). React Query's default would pause them until the browser is online, and
      // 'offlineFirst' pauses a read's retries: a page this device does not keep (the board) would spin for as long as
      // the shutdown lasts, where it should say there is no connection (it is read again when the browser is online).
      mutations: { networkMode: 'always' },
      queries: {
        networkMode: 'always',
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError) return error.status === 503 && count < 3;
          return count < 2;
        },
      },
    },
  });
  return client;
}
