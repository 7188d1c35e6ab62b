import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM with a random 96-bit IV and the tag length pinned to 16 bytes (a shorter tag is never accepted). */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super('The ciphertext does not open with this key');
    this.name = 'DecryptionError';
  }
}

/**
 * IVs are cut from a block of random bytes drawn at once: one call into the random generator per IV_BLOCK seals
 * instead of one per seal (it was a visible part of a write's CPU). Each IV is used once: a block is never reused,
 * and the random source is the same.
 */
const IV_BLOCK = 256;
let ivs = Buffer.alloc(0);
let nextIv = 0;

function freshIv(): Buffer {
  if (nextIv + IV_BYTES > ivs.length) {
    ivs = randomBytes(IV_BYTES * IV_BLOCK);
    nextIv = 0;
  }
  const iv = ivs.subarray(nextIv, nextIv + IV_BYTES);
  nextIv += IV_BYTES;
  return iv;
}

/** iv ‖ ciphertext ‖ tag. `aad` binds the ciphertext to its place (case, event, field) so it cannot be moved. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}
