import createClient, { type Client } from 'openapi-fetch';
import { consoleFetch } from '../offline/ui/fetch';
import { ConsoleState } from './console-state';
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
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: fetchImpl });
  client.use(csrfMiddleware(state), idempotencyMiddleware(), positionMiddleware(state));
  return client;
}

export const consoleState = new ConsoleState();
export const api: ApiClient = createApiClient(consoleState);
