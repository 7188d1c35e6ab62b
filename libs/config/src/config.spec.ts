import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, projectorOnThread } from './config';

const KEY = randomBytes(32);

describe('configuration', () => {
  it('starts with defaults in development when a master key is given', () => {
    const config = loadConfig({ MASTER_KEY: KEY.toString('hex') });
    expect(config).toMatchObject({ env: 'development', port: 3000, migrateOnStart: true, rateLimitPerMinute: 600 });
    expect(config.masterKey.equals(KEY)).toBe(true);
    expect(config.corsOrigins).toEqual([]);
  });

  it('refuses to start without a master key outside tests, and accepts none in tests', () => {
    expect(() => loadConfig({})).toThrow(/MASTER_KEY is required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test' }).masterKey).toHaveLength(32);
  });

  it('reads the master key as hex or base64 and refuses another length', () => {
    expect(loadConfig({ MASTER_KEY: KEY.toString('base64') }).masterKey.equals(KEY)).toBe(true);
    expect(() => loadConfig({ MASTER_KEY: randomBytes(16).toString('hex') })).toThrow(/32 bytes/);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', PORT: 'eighty', DATABASE_URL: 'mysql://x', BOOTSTRAP_ADMIN_EMAIL: 'a@b.c' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('reads CORS origins as a comma-separated list', () => {
    expect(loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: 'https://a.org, https://b.org' }).corsOrigins).toEqual([
      'https://a.org',
      'https://b.org',
    ]);
  });

  it('runs the projector on a thread beside the API, except in tests and where PROJECTOR_THREAD is off', () => {
    const key = { MASTER_KEY: KEY.toString('hex') };
    expect(projectorOnThread(loadConfig(key))).toBe(true);
    expect(projectorOnThread(loadConfig({ ...key, PROJECTOR_THREAD: 'false' }))).toBe(false);
    expect(projectorOnThread(loadConfig({ NODE_ENV: 'test' }))).toBe(false);
    expect(projectorOnThread(loadConfig({ NODE_ENV: 'test', PROJECTOR_THREAD: 'true' }))).toBe(true);
    // Without the API in the process there is nothing to keep it apart from.
    expect(projectorOnThread(loadConfig({ ...key, ROLES: 'projector,worker' }))).toBe(false);
    expect(() => loadConfig({ ...key, PROJECTOR_THREAD: 'sometimes' })).toThrow(
      /PROJECTOR_THREAD must be true or false/,
    );
  });
});
