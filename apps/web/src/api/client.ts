import createClient, { type Client } from 'openapi-fetch';
import { isAbort } from '../offline';
import { consoleFetch } from '../offline/ui/fetch';
import { ConsoleState } from './console-state';
import { NetworkError } from './errors';
import { csrfMiddleware, idempotencyMiddleware, positionMiddleware } from './middleware';
import type { paths } from './schema';

export type ApiClient = Client<paths>;

/**
 * The one client of the console, typed by the contract. Same-origin credentials: the session is an httpOnly cookie
 * the browser sends itself; no token is ever in a script's reach. Reads go through this device's offline store when
 * it has one (issue 18: kept sealed, answered from it without a network).
 */
export function createApiClient(
  state: ConsoleState,
  fetchImpl: typeof fetch = (input) => consoleFetch(input),
): ApiClient {
  // The API serves the console: its own origin (absolute, as Request needs).
  const baseUrl = window.location.origin;
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: namingNetworkFailures(fetchImpl) });
  client.use(csrfMiddleware(state), idempotencyMiddleware(), positionMiddleware(state));
  return client;
}

/**
 * A request that got no answer (no connection, the server unreachable) rejects with a NetworkError, whichever page
 * made it, so every page says "no connection" rather than "an error in the console, reload" (a reload offline only
 * locks the device's store again). A cancelled request stays an AbortError.
 */
function namingNetworkFailures(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await fetchImpl(input, init);
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new NetworkError(cause);
    }
  };
}

export const consoleState = new ConsoleState();
export const api: ApiClient = createApiClient(consoleState);
