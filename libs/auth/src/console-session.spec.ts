import { csrfTokenFor, csrfTokenMatches, needsCsrfToken, sessionCookieName, sessionTokenOf } from './console-session';

const TOKEN = 'q'.repeat(43);

describe('the console session’s cookie and CSRF token', () => {
  it('derives one CSRF token per session, telling nothing of the session token', () => {
    expect(csrfTokenFor(TOKEN)).toBe(csrfTokenFor(TOKEN));
    expect(csrfTokenFor(TOKEN)).not.toBe(csrfTokenFor('r'.repeat(43)));
    expect(csrfTokenFor(TOKEN)).not.toContain(TOKEN.slice(0, 8));
    expect(csrfTokenFor(TOKEN)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts only the session’s own token, as a string of the same length', () => {
    const token = csrfTokenFor(TOKEN);
    expect(csrfTokenMatches(TOKEN, token)).toBe(true);
    expect(csrfTokenMatches(TOKEN, token.slice(0, -1))).toBe(false);
    expect(csrfTokenMatches(TOKEN, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(TOKEN, csrfTokenFor('r'.repeat(43)))).toBe(false);
    expect(csrfTokenMatches(TOKEN, undefined)).toBe(false);
    expect(csrfTokenMatches(TOKEN, [token])).toBe(false);
    expect(csrfTokenMatches(TOKEN, '')).toBe(false);
  });

  it('asks the token of every method but GET, HEAD and OPTIONS', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PROPFIND'])
      expect(needsCsrfToken(method)).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(needsCsrfToken(method)).toBe(false);
  });

  it('reads the cookie by its name, and only a well-formed token', () => {
    const secure = sessionCookieName({ cookieSecure: true, idleSeconds: 60, ttlSeconds: 60 });
    const plain = sessionCookieName({ cookieSecure: false, idleSeconds: 60, ttlSeconds: 60 });
    expect([secure, plain]).toEqual(['__Host-casetrack_session', 'casetrack_session']);
    expect(sessionTokenOf({ [plain]: TOKEN }, plain)).toBe(TOKEN);
    expect(sessionTokenOf({ [plain]: TOKEN }, secure)).toBeNull();
    expect(sessionTokenOf({ [plain]: 'short' }, plain)).toBeNull();
    expect(sessionTokenOf({ [plain]: `${TOKEN};x` }, plain)).toBeNull();
    // cookie-parser turns `j:{...}` values into objects.
    expect(sessionTokenOf({ [plain]: { token: TOKEN } }, plain)).toBeNull();
    expect(sessionTokenOf(undefined, plain)).toBeNull();
  });
});
