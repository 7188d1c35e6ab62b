import { DEFAULT_THROTTLE, delayAfterFailures, retryAfterSeconds, type ThrottleState } from './login-throttle';

const SETTINGS = { ...DEFAULT_THROTTLE, accountFailuresPerHour: 100 };
const NOW = new Date('2025-03-01T12:00:00Z');
const secondsAgo = (seconds: number): Date => new Date(NOW.getTime() - seconds * 1000);
const FRESH: ThrottleState = {
  addressFailures: 0,
  lastAddressFailureAt: null,
  knownAddress: false,
  accountBoundFailureAt: null,
};

describe('login throttle', () => {
  it('lets the first four failures from an address pass and doubles the wait from the fifth, up to 15 minutes', () => {
    expect([0, 1, 4].map((n) => delayAfterFailures(n, SETTINGS))).toEqual([0, 0, 0]);
    const waits = [5, 6, 7, 8, 9, 10, 11, 50, 5000].map((n) => delayAfterFailures(n, SETTINGS) / 1000);
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900, 900]);
  });

  it('counts the wait from the last failure from that address', () => {
    const state = { ...FRESH, addressFailures: 6, lastAddressFailureAt: secondsAgo(10) };
    expect(retryAfterSeconds(state, NOW, SETTINGS)).toBe(50);
    expect(retryAfterSeconds({ ...state, lastAddressFailureAt: secondsAgo(60) }, NOW, SETTINGS)).toBe(0);
    expect(retryAfterSeconds({ ...state, addressFailures: 4 }, NOW, SETTINGS)).toBe(0);
  });

  it('refuses unknown addresses while the account is over its hourly bound, until the bound lifts', () => {
    const bound = { ...FRESH, accountBoundFailureAt: secondsAgo(600) };
    expect(retryAfterSeconds(bound, NOW, SETTINGS)).toBe(3000);
    expect(retryAfterSeconds({ ...bound, accountBoundFailureAt: secondsAgo(3600) }, NOW, SETTINGS)).toBe(0);
  });

  it('exempts an address that signed in before from the account bound, not from its own delays', () => {
    const known = { ...FRESH, knownAddress: true, accountBoundFailureAt: secondsAgo(600) };
    expect(retryAfterSeconds(known, NOW, SETTINGS)).toBe(0);
    const knownButGuessing = { ...known, addressFailures: 5, lastAddressFailureAt: secondsAgo(1) };
    expect(retryAfterSeconds(knownButGuessing, NOW, SETTINGS)).toBe(29);
  });

  it('takes the longer of the two waits for an unknown address', () => {
    const both = {
      ...FRESH,
      addressFailures: 10,
      lastAddressFailureAt: secondsAgo(0),
      accountBoundFailureAt: secondsAgo(3500),
    };
    expect(retryAfterSeconds(both, NOW, SETTINGS)).toBe(900);
  });
});
