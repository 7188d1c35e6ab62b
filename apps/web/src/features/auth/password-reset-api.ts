import type { ApiClient } from '../../api/client';
import { toApiError } from '../../api/errors';

/**
 * Sets a new password with the token of an admin's one-time link: the only place the token is ever sent (204 when
 * set; 422 PASSWORD_RESET_INVALID when the link is used, expired or replaced; 400 with `details` for a weak password).
 */
export async function setPasswordWithLink(client: ApiClient, token: string, newPassword: string): Promise<void> {
  const { error, response } = await client.POST('/v1/auth/password-reset', { body: { token, newPassword } });
  if (!response.ok) throw toApiError(response.status, error);
}

/** The token from the link's fragment (`#<token>`), or null when there is none. */
export function tokenFromFragment(hash: string): string | null {
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  return token.length > 0 && token.length <= 200 ? token : null;
}
