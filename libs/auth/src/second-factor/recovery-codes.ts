import { createHash, randomBytes } from 'node:crypto';
import { base32Encode } from './base32';

/** Handed out once when the second factor is confirmed; each signs in once. */
export const RECOVERY_CODE_COUNT = 10;
/** 10 base32 characters: 50 random bits, far beyond what the sign-in throttle lets anyone try. */
const RECOVERY_CODE_LENGTH = 10;
const TOTP_CODE = /^\d{6}$/;
const RECOVERY_CODE = /^[a-z2-7]{10}$/;

/** Fresh recovery codes, written `abcde-fghij` for reading aloud and typing. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = base32Encode(randomBytes(7)).slice(0, RECOVERY_CODE_LENGTH).toLowerCase();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** What someone typed as a second factor: a TOTP code, a recovery code (normalised), or neither. */
export type SecondFactorInput =
  { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'invalid' };

export function readSecondFactor(input: string): SecondFactorInput {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (TOTP_CODE.test(compact)) return { kind: 'totp', code: compact };
  if (RECOVERY_CODE.test(compact)) return { kind: 'recovery', code: compact };
  return { kind: 'invalid' };
}

/**
 * Recovery codes are stored only as this digest. A plain SHA-256 suffices (as for access tokens): the codes are
 * random with 50 bits each, so there is no dictionary to try, and a slow hash would cost ten verifications a sign-in.
 */
export function recoveryCodeDigest(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}
