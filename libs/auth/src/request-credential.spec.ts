import type { SessionConfig } from '@casetrack/config';
import { credentialOf } from './request-credential';

const SESSION: SessionConfig = { cookieSecure: false, idleSeconds: 600, ttlSeconds: 3600 };
const BEARER = 'b'.repeat(43);
const COOKIE = 'c'.repeat(43);

describe('credentialOf: which token a request is judged by', () => {
  it('takes the bearer header alone, even beside a session cookie', () => {
    const cookies = { casetrack_session: COOKIE };
    expect(credentialOf({ headers: { authorization: `Bearer ${BEARER}` }, cookies }, SESSION)).toEqual({
      kind: 'bearer',
      token: BEARER,
    });
    expect(credentialOf({ headers: { authorization: 'Basic x' }, cookies }, SESSION)).toBeNull();
  });

  it('takes the session cookie when there is no Authorization header', () => {
    expect(credentialOf({ headers: {}, cookies: { casetrack_session: COOKIE } }, SESSION)).toEqual({
      kind: 'session',
      token: COOKIE,
    });
    expect(credentialOf({ headers: {}, cookies: { casetrack_session: 'short' } }, SESSION)).toBeNull();
    expect(credentialOf({ headers: {} }, SESSION)).toBeNull();
  });
});
