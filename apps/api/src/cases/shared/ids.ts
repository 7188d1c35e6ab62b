import { createHash, randomUUID } from 'node:crypto';

/**
 * Where the identifiers of a write come from (case, event, hearing, charge...). With an
 * Idempotency-Key they are derived from (user, key), so a retried request after a crash
 * produces the very same ids and can be recognised in the stream instead of appended twice.
 */
export class IdSource {
  private constructor(private readonly seed: string | null) {}

  static random(): IdSource {
    return new IdSource(null);
  }

  static deterministic(userId: string, idempotencyKey: string): IdSource {
    return new IdSource(`${userId}\u0000${idempotencyKey}`);
  }

  /** A UUID for `purpose` (e.g. `event:0`, `hearing`); stable for a deterministic source. */
  id(purpose: string): string {
    if (this.seed === null) return randomUUID();
    const bytes = createHash('sha256').update(`${this.seed}\u0000${purpose}`).digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x80; // RFC 9562 version 8: custom, hash-based
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
