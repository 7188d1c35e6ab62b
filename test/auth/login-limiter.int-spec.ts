import { DataSource } from 'typeorm';
import { LoginLimiter, type SignInAttempt } from '@casetrack/auth';
import { loadConfig } from '@casetrack/config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The sign-in throttle against a real PostgreSQL, on a clock of its own: delays grow with each failure from one
 * address, never reach another address, and the hourly account bound spares addresses that signed in before.
 */
describe('LoginLimiter', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let limiter: LoginLimiter;
  const T0 = new Date('2025-03-01T12:00:00Z');
  const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    limiter = new LoginLimiter(dataSource, loadConfig({ NODE_ENV: 'test', LOGIN_FAILURES_PER_HOUR: '12' }));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  let counter = 0;
  const account = (): string => `lawyer${++counter}@casetrack.test`;
  const from = (email: string, clientAddress: string): SignInAttempt => ({ email, clientAddress });

  it('allows five failed tries in a row from an address, then doubles the wait after each further one, up to 15 min', async () => {
    const attempt = from(account(), '203.0.113.10');
    const waits: number[] = [];
    // Each failure comes as soon as the previous wait is over: the wait still grows, it never becomes a hard lock.
    let clock = 0;
    for (let failure = 1; failure <= 11; failure++) {
      expect(await limiter.retryAfterSeconds(attempt, at(clock))).toBe(0);
      await limiter.recordFailure(attempt, at(clock));
      const wait = await limiter.retryAfterSeconds(attempt, at(clock));
      waits.push(wait);
      clock += wait;
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('never slows down another address, and a success clears only its own address', async () => {
    const email = account();
    const attacker = from(email, '198.51.100.66');
    for (let i = 0; i < 6; i++) await limiter.recordFailure(attacker, at(i));
    expect(await limiter.retryAfterSeconds(attacker, at(7))).toBeGreaterThan(0);
    expect(await limiter.retryAfterSeconds(from(email, '203.0.113.20'), at(7))).toBe(0);

    const owner = from(email, '203.0.113.20');
    for (let i = 0; i < 5; i++) await limiter.recordFailure(owner, at(10));
    expect(await limiter.retryAfterSeconds(owner, at(11))).toBe(29);
    await limiter.recordSuccess(owner, at(60));
    expect(await limiter.retryAfterSeconds(owner, at(61))).toBe(0);
    expect(await limiter.retryAfterSeconds(attacker, at(61))).toBeGreaterThan(0);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const email = account();
    for (let i = 1; i <= 5; i++) await limiter.recordFailure(from(email, `2001:db8:1:2::${i}`), at(0));
    expect(await limiter.retryAfterSeconds(from(email, '2001:db8:1:2:ffff::9'), at(1))).toBe(29);
    expect(await limiter.retryAfterSeconds(from(email, '2001:db8:1:3::1'), at(1))).toBe(0);
  });

  it('past the hourly bound refuses addresses new to the account until the hour has passed, but not known ones', async () => {
    const email = account();
    const home = from(email, '203.0.113.30');
    await limiter.recordSuccess(home, at(0));
    // 12 failures spread over six addresses, two each: none of them is slowed down on its own.
    for (let i = 0; i < 12; i++) await limiter.recordFailure(from(email, `198.51.100.${i % 6}`), at(100 + i));
    expect(await limiter.retryAfterSeconds(from(email, '192.0.2.1'), at(200))).toBe(3600 + 100 - 200);
    expect(await limiter.retryAfterSeconds(from(email, '198.51.100.0'), at(200))).toBeGreaterThan(0);
    expect(await limiter.retryAfterSeconds(home, at(200))).toBe(0);
    // The bound lifts once the oldest of the twelve leaves the hour.
    expect(await limiter.retryAfterSeconds(from(email, '192.0.2.1'), at(3600 + 101))).toBe(0);
  });

  it('counts an unknown email exactly like an account, and stores neither emails nor addresses', async () => {
    const nobody = from('nobody-at-all@casetrack.test', '203.0.113.99');
    for (let i = 0; i < 5; i++) await limiter.recordFailure(nobody, at(0));
    expect(await limiter.retryAfterSeconds(nobody, at(1))).toBe(29);
    expect(await limiter.retryAfterSeconds({ ...nobody, email: ' NOBODY-AT-ALL@casetrack.test ' }, at(1))).toBe(29);

    await limiter.recordSuccess(from('known@casetrack.test', '203.0.113.98'), at(0));
    const stored = JSON.stringify([
      await dataSource.query(`SELECT * FROM login_failures`),
      await dataSource.query(`SELECT * FROM login_known_addresses`),
    ]);
    expect(stored).not.toMatch(/casetrack\.test|203\.0\.113|198\.51\.100|2001:db8/);
  });
});
