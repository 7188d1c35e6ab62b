import { NO_STREAM, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../event-store.port';
import { revisionOf, streamStateAt, toConcurrencyError, versionOf, versionOfState } from './revisions';

function refused(expected: bigint | typeof NO_STREAM, current: bigint | typeof NO_STREAM): WrongExpectedVersionError {
  return new WrongExpectedVersionError(undefined, { streamName: 's', expected, current });
}

describe('KurrentDB revisions and expected versions', () => {
  it('counts versions from 1 and revisions from 0', () => {
    expect(versionOf(0n)).toBe(1);
    expect(versionOf(41n)).toBe(42);
    expect(revisionOf(1)).toBe(0n);
    expect(revisionOf(42)).toBe(41n);
    expect(() => revisionOf(0)).toThrow(RangeError);
    expect(() => versionOf(BigInt(Number.MAX_SAFE_INTEGER))).toThrow(RangeError);
  });

  it('sends an exact stream state for every expected version: no_stream for 0, revision v-1 for v', () => {
    expect(streamStateAt(0)).toBe(NO_STREAM);
    expect(streamStateAt(1)).toBe(0n);
    expect(streamStateAt(7)).toBe(6n);
    expect(() => streamStateAt(-1)).toThrow(RangeError);
  });

  it('maps a wrong-expected-version answer to ConcurrencyError with the actual version', () => {
    const exact = toConcurrencyError(refused(0n, 2n), 'case-1', 1);
    expect(exact).toBeInstanceOf(ConcurrencyError);
    expect(exact).toMatchObject({ streamId: 'case-1', expected: 1, actual: 3 });
    expect(toConcurrencyError(refused(NO_STREAM, 0n), 'case-1', 'no_stream')).toMatchObject({ actual: 1 });
    expect(toConcurrencyError(refused(4n, NO_STREAM), 'case-1', 5)).toMatchObject({ actual: 0 });
    expect(toConcurrencyError(refused(4n, 9n), 'case-1', 'any')).toMatchObject({ expected: 'any', actual: 10 });
  });

  it('leaves every other error alone', () => {
    expect(toConcurrencyError(new Error('unavailable'), 'case-1', 1)).toBeNull();
    expect(versionOfState(-5n)).toBeNull();
  });
});
