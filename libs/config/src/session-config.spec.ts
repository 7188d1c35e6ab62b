import { randomBytes } from 'node:crypto';
import { loadConfig } from './config';

const KEY = randomBytes(32).toString('hex');
const PRODUCTION = { NODE_ENV: 'production', MASTER_KEY: KEY, ROLES: 'api' };

describe('the console settings', () => {
  it('makes the session cookie Secure in production only, unless SESSION_COOKIE_SECURE says otherwise', () => {
    expect(loadConfig(PRODUCTION).session.cookieSecure).toBe(true);
    expect(loadConfig({ MASTER_KEY: KEY }).session.cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).session.cookieSecure).toBe(false);
    expect(loadConfig({ ...PRODUCTION, SESSION_COOKIE_SECURE: 'false' }).session.cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SESSION_COOKIE_SECURE: 'true' }).session.cookieSecure).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'test', SESSION_COOKIE_SECURE: 'sometimes' })).toThrow(
      /SESSION_COOKIE_SECURE must be true or false/,
    );
  });

  it('ends sessions after 30 idle minutes and 12 hours by default, and refuses lifetimes out of range', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).session).toMatchObject({ idleSeconds: 1800, ttlSeconds: 43_200 });
    expect(
      loadConfig({ NODE_ENV: 'test', SESSION_IDLE_SECONDS: '600', SESSION_TTL_SECONDS: '3600' }).session,
    ).toMatchObject({ idleSeconds: 600, ttlSeconds: 3600 });
    expect(() => loadConfig({ NODE_ENV: 'test', SESSION_IDLE_SECONDS: '5' })).toThrow(/SESSION_IDLE_SECONDS/);
    expect(() => loadConfig({ NODE_ENV: 'test', SESSION_TTL_SECONDS: 'forever' })).toThrow(/SESSION_TTL_SECONDS/);
  });

  it('finds the console by itself unless CONSOLE_DIR names it', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).consoleDirectory).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', CONSOLE_DIR: ' /srv/casetrack/web ' }).consoleDirectory).toBe(
      '/srv/casetrack/web',
    );
  });
});
