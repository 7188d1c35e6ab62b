import type { ApiClient } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { ConsoleSession } from '../../api/types';

/** The query the session is kept under: the provider reads it, the query client ends it on a 401. */
export const SESSION_KEY = ['session'] as const;

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** The one-time code (or a recovery code), once the API asked for it with SECOND_FACTOR_REQUIRED. */
  readonly otp?: string;
}

/** The session the httpOnly cookie stands for, or null when there is none (401). */
export async function fetchSession(client: ApiClient): Promise<ConsoleSession | null> {
  const { data, error, response } = await client.GET('/v1/auth/session');
  if (response.status === 401) return null;
  if (data === undefined) throw toApiError(response.status, error);
  return data;
}

export async function openSession(client: ApiClient, credentials: Credentials): Promise<ConsoleSession> {
  const body = credentials.otp ? credentials : { email: credentials.email, password: credentials.password };
  const { data, error, response } = await client.POST('/v1/auth/session', { body });
  if (data === undefined) throw toApiError(response.status, error);
  return data;
}

/** Signs out: the server revokes the session at once and clears the cookie. */
export async function closeSession(client: ApiClient): Promise<void> {
  const { error, response } = await client.DELETE('/v1/auth/session');
  if (!response.ok && response.status !== 401) throw toApiError(response.status, error);
}
