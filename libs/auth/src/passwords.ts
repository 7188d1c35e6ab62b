import * as argon2 from 'argon2';

/**
 * argon2id above OWASP's minimum (19 MiB, t=2, p=1): 64 MiB, t=3, p=1.
 * One lane keeps a login from occupying both cores of a small server.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
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
