import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id above OWASP's minimum (19 MiB, t=2, p=1): 64 MiB, t=3, p=1.
 * One lane keeps a login from occupying both cores of a small server.
 * `@node-rs/argon2` ships prebuilt N-API binaries (no install script, no compiler) and reads the PHC strings the
 * former `argon2` binding wrote, so existing accounts keep their passwords.
 */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash must read as a failed login, never as a server error.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real verification so that an unknown email cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('casetrack-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
