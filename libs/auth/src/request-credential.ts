import type { SessionConfig } from '@casetrack/config';
import type { TokenKind } from './access-token.entity';
import { bearerTokenOf } from './bearer-token';
import { sessionCookieName, sessionTokenOf } from './console-session';

/** The token a request presents, and as what: TokensService.authenticate accepts it only as that kind. */
export interface RequestCredential {
  kind: TokenKind;
  token: string;
}

interface CredentialSource {
  headers: Record<string, unknown>;
  cookies?: unknown;
}

/**
 * Which token a request is judged by, decided once for the guard and for a public route that only looks (/health). A
 * request with an Authorization header is judged by it alone (bearer wins over a cookie sent beside it); one without,
 * by the console's session cookie. Null when neither holds a well-formed token.
 */
export function credentialOf(request: CredentialSource, session: SessionConfig): RequestCredential | null {
  const header = request.headers['authorization'];
  if (header === undefined) {
    const token = sessionTokenOf(request.cookies, sessionCookieName(session));
    if (token !== null) return { kind: 'session', token };
  }
  const token = bearerTokenOf(header);
  return token === null ? null : { kind: 'bearer', token };
}
