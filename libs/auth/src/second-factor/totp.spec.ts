import { randomBytes } from 'node:crypto';
import { base32Decode, base32Encode } from './base32';
import { newRecoveryCodes, readSecondFactor, RECOVERY_CODE_COUNT, recoveryCodeDigest } from './recovery-codes';
import { hotp, matchingSteps, otpauthUrl, totp, totpStep } from './totp';

/** RFC 6238, appendix B, the SHA-1 column: the 20-byte ASCII seed "12345678901234567890". */
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1)', () => {
  it.each(RFC_VECTORS)('at %i s gives %s (8 digits), and its last 6 digits by default', (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(totp(RFC_SECRET, at, 8)).toBe(code);
    expect(totp(RFC_SECRET, at)).toBe(code.slice(-6));
  });

  it('matches RFC 4226 appendix D for the first counters (HOTP)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871'];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it('accepts one 30-second step of drift either side, and no more', () => {
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    for (const offset of [-1, 0, 1]) {
      expect(matchingSteps(RFC_SECRET, hotp(RFC_SECRET, step + offset), at)).toContain(step + offset);
    }
    for (const offset of [-2, 2]) {
      expect(matchingSteps(RFC_SECRET, hotp(RFC_SECRET, step + offset), at)).toEqual([]);
    }
    expect(matchingSteps(RFC_SECRET, '12345', at)).toEqual([]);
  });

  it('writes an otpauth URI authenticator apps read', () => {
    const url = new URL(otpauthUrl('casetrack', 'aliya@example.org', 'GEZDGNBVGY3TQOJQ'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/casetrack:aliya@example.org');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQ',
      issuer: 'casetrack',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s (test vectors without padding)', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain, 'ascii'))).toBe(encoded);
    expect(base32Decode(encoded)?.toString('ascii')).toBe(plain);
  });

  it('round-trips random secrets of every length up to 40 bytes', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = randomBytes(length);
      const encoded = base32Encode(bytes);
      expect(encoded).toMatch(/^[A-Z2-7]*$/);
      expect(base32Decode(encoded)?.equals(bytes)).toBe(true);
      expect(base32Decode(encoded.toLowerCase())?.equals(bytes)).toBe(true);
    }
  });

  it('reads padding and spaces, and refuses characters outside the alphabet', () => {
    expect(base32Decode('MZXW 6YQ=')?.toString('ascii')).toBe('foob');
    expect(base32Decode('MZXW1')).toBeNull();
    expect(base32Decode('MZXW8')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('hands out ten distinct codes of 50 random bits, written abcde-fghij', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it('tells a TOTP code from a recovery code, whatever the case, spaces or dashes', () => {
    expect(readSecondFactor(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(readSecondFactor('ABCDE-FGH23')).toEqual({ kind: 'recovery', code: 'abcdefgh23' });
    expect(readSecondFactor('abcdefgh23')).toEqual({ kind: 'recovery', code: 'abcdefgh23' });
    for (const invalid of ['', '12345', '1234567', 'abcde-fgh1j', 'abcde-fghijk']) {
      expect(readSecondFactor(invalid)).toEqual({ kind: 'invalid' });
    }
  });

  it('stores a digest that depends on the code only after normalising', () => {
    const digest = recoveryCodeDigest('abcdefgh23');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toBe(recoveryCodeDigest('abcdefgh22'));
  });
});
