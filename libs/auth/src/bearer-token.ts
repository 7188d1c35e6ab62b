const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The token of an `Authorization: Bearer <token>` header, or null when there is none or it is malformed. */
export function bearerTokenOf(header: unknown): string | null {
  return typeof header === 'string' ? (BEARER.exec(header.trim())?.[1] ?? null) : null;
}
