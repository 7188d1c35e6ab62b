import { createHash, timingSafeEqual } from 'node:crypto';
import type { SessionConfig } from '@casetrack/config';

/** The header a cookie-authenticated write carries, with the token the session answer gave. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SESSION_TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** Methods that change nothing: a cross-site page cannot read their answers (CORS is closed), so they need no token. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `__Host-` when the cookie is Secure: the browser then refuses it unless it is Secure, host-only and `Path=/`, so a
 * sibling subdomain cannot plant a session of its own. The prefix is refused on plain HTTP, hence two names.
 */
export function sessionCookieName(config: SessionConfig): string {
  return config.cookieSecure ? '__Host-casetrack_session' : 'casetrack_session';
}

/** The session token in the request's cookies (as cookie-parser read them), or null when absent or malformed. */
export function sessionTokenOf(cookies: unknown, name: string): string | null {
  if (typeof cookies !== 'object' || cookies === null) return null;
  const value = (cookies as Record<string, unknown>)[name];
  return typeof value === 'string' && SESSION_TOKEN.test(value) ? value : null;
}

/**
 * The session's CSRF token, derived from the session token rather than stored: only the page that signed in (or asks
 * GET /v1/auth/session with the cookie) learns it, and it tells nothing of the cookie, which scripts never see.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`casetrack-csrf\u0000${sessionToken}`).digest('base64url');
}

export function needsCsrfToken(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Constant-time: how much of a guess matched must not show in the time of the answer. */
export function csrfTokenMatches(sessionToken: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
