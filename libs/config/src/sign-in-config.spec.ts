import { ConfigError, loadConfig } from './config';

const TEST = { NODE_ENV: 'test' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig({ ...TEST, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('sign-in configuration', () => {
  it('requires no second factor, trusts no proxy and bounds an account at 100 failures an hour by default', () => {
    const config = loadConfig(TEST);
    expect(config.signIn).toEqual({ requireSecondFactor: [], accountFailuresPerHour: 100 });
    expect(config.trustProxy).toBe(false);
  });

  it('reads REQUIRE_2FA as a list of roles and refuses anything else at start', () => {
    expect(loadConfig({ ...TEST, REQUIRE_2FA: 'admin, coordinator,admin' }).signIn.requireSecondFactor).toEqual([
      'admin',
      'coordinator',
    ]);
    expect(problemsOf({ REQUIRE_2FA: 'admin,coordinators' })).toMatch(/REQUIRE_2FA .*"coordinators"/);
  });

  it('reads LOGIN_FAILURES_PER_HOUR as a positive integer', () => {
    expect(loadConfig({ ...TEST, LOGIN_FAILURES_PER_HOUR: '20' }).signIn.accountFailuresPerHour).toBe(20);
    expect(problemsOf({ LOGIN_FAILURES_PER_HOUR: '0' })).toMatch(/LOGIN_FAILURES_PER_HOUR/);
  });

  it('reads TRUST_PROXY as false, a hop count or named proxies, and refuses to trust everyone', () => {
    expect(loadConfig({ ...TEST, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...TEST, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...TEST, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
    ]);
    expect(problemsOf({ TRUST_PROXY: 'true' })).toMatch(/TRUST_PROXY=true/);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/TRUST_PROXY .*10\.0\.0\.0\/33/);
    expect(problemsOf({ TRUST_PROXY: 'proxy.example' })).toMatch(/TRUST_PROXY/);
  });
});
