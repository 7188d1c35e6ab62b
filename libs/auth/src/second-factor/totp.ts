import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 6238 as authenticator apps implement it: HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the server's: a phone's clock may be off by up to one step. */
export const TOTP_DRIFT_STEPS = 1;

/** RFC 4226 HOTP: the code of one counter value. `digits` is a parameter only so the RFC's 8-digit vectors can be checked. */
export function hotp(secret: Buffer, counter: number, digits: number = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function totp(secret: Buffer, at: Date, digits: number = TOTP_DIGITS): string {
  return hotp(secret, totpStep(at), digits);
}

/**
 * The steps within the drift window around `at` whose code is `code`, newest first. Every candidate is compared in
 * constant time, so the answer's timing does not tell which step (if any) matched.
 */
export function matchingSteps(secret: Buffer, code: string, at: Date): number[] {
  const given = Buffer.from(code, 'utf8');
  const now = totpStep(at);
  const matches: number[] = [];
  for (let step = now + TOTP_DRIFT_STEPS; step >= now - TOTP_DRIFT_STEPS; step--) {
    const expected = Buffer.from(hotp(secret, step), 'utf8');
    if (expected.length === given.length && timingSafeEqual(expected, given)) matches.push(step);
  }
  return matches;
}

/** The `otpauth://` URI authenticator apps read from a QR code (Google's Key Uri Format). */
export function otpauthUrl(issuer: string, account: string, base32Secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: base32Secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
