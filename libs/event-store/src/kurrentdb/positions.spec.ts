import { START } from '@kurrent/kurrentdb-client';
import { isAtOrBeforeCheckpoint, toFeedPosition, toReadPosition, UnsupportedPositionError } from './positions';

describe('KurrentDB positions', () => {
  it('uses the commit position of an ordinary event as its position, and maps it back to the same record', () => {
    expect(toFeedPosition({ commit: 4_711n, prepare: 4_711n })).toBe(4_711);
    expect(toReadPosition(4_711)).toEqual({ commit: 4_711n, prepare: 4_711n });
    expect(toReadPosition(0)).toBe(START);
  });

  it('keeps log order: a later record has a larger position', () => {
    const offsets = [128n, 129n, 4_096n, 1_000_000_007n, BigInt(Number.MAX_SAFE_INTEGER)];
    const positions = offsets.map((o) => toFeedPosition({ commit: o, prepare: o }));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('refuses explicit-transaction positions, 0 and offsets beyond 2^53 instead of aliasing them', () => {
    expect(() => toFeedPosition({ commit: 900n, prepare: 700n })).toThrow(UnsupportedPositionError);
    expect(() => toFeedPosition({ commit: 0n, prepare: 0n })).toThrow(/0 or beyond 2\^53/);
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => toFeedPosition({ commit: beyond, prepare: beyond })).toThrow(UnsupportedPositionError);
  });

  it('refuses checkpoints that are not positions', () => {
    expect(() => toReadPosition(-1)).toThrow(RangeError);
    expect(() => toReadPosition(1.5)).toThrow(RangeError);
    expect(() => toReadPosition(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });

  it('answers isAtOrBefore in log order, and nothing is at or before checkpoint 0', () => {
    expect(isAtOrBeforeCheckpoint(100, 200)).toBe(true);
    expect(isAtOrBeforeCheckpoint(200, 200)).toBe(true);
    expect(isAtOrBeforeCheckpoint(201, 200)).toBe(false);
    expect(isAtOrBeforeCheckpoint(100, 0)).toBe(false);
  });
});
