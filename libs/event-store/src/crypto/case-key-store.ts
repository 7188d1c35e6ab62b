import type { Pool } from 'pg';
import { newDataKey, open, seal } from './aes-gcm';

/** A case's data key, or the fact that it was destroyed. */
export type CaseKey = { kind: 'key'; key: Buffer } | { kind: 'erased' };

/** A key as last read: its wrapped form tells whether the row still holds the same key. */
interface KnownKey {
  wrapped: Buffer | null;
  key: CaseKey;
}

const ERASED: CaseKey = { kind: 'erased' };

/** How many unwrapped keys a process keeps (32 bytes each, plus the wrapped form). */
const KNOWN_KEYS = 10_000;

/**
 * Per-case data keys, stored wrapped (AES-256-GCM) by the master key. Destroying a key keeps its row with
 * `erased_at` and no key material: the case's sensitive fields can never be read again, and everyone can
 * see that this is why.
 *
 * A key is unwrapped once per case, not per read: readers still read the row every time (so an erasure by another
 * process is seen at once) but reuse the unwrapped key while the wrapped bytes are unchanged. Sealing a new event
 * uses the key this process knows without a query; should another process have destroyed it meanwhile, the event
 * is sealed with a destroyed key and reads as erased, as it would had the two raced without a cache.
 */
export class CaseKeyStore {
  private readonly known = new Map<string, KnownKey>();

  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  async find(caseId: string): Promise<CaseKey | null> {
    return (await this.findMany([caseId])).get(caseId) ?? null;
  }

  /** The keys of several cases in one query (a projector batch touches many); cases without a key are absent. */
  async findMany(caseIds: string[]): Promise<Map<string, CaseKey>> {
    const { rows } = await this.pool.query<{ case_id: string; wrapped_key: Buffer | null }>(
      'SELECT case_id, wrapped_key FROM case_keys WHERE case_id = ANY($1::uuid[])',
      [caseIds],
    );
    const keys = new Map<string, CaseKey>();
    for (const { case_id: caseId, wrapped_key: wrapped } of rows) keys.set(caseId, this.unwrap(caseId, wrapped));
    return keys;
  }

  /** The case's key, created on first use; concurrent creators agree on one key. */
  async findOrCreate(caseId: string): Promise<CaseKey> {
    const known = this.known.get(caseId);
    if (known) return known.key;
    const existing = await this.find(caseId);
    if (existing) return existing;
    const wrapped = seal(this.masterKey, newDataKey(), `case-key/${caseId}`);
    await this.pool.query(
      'INSERT INTO case_keys (case_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING',
      [caseId, wrapped],
    );
    const created = await this.find(caseId);
    if (!created) throw new Error(`The key of case ${caseId} vanished while being created`);
    return created;
  }

  /** Destroys the key for good. Idempotent. */
  async destroy(caseId: string): Promise<void> {
    // Forgotten first: from here on this process seals nothing more with it, whether or not the query succeeds.
    this.known.delete(caseId);
    await this.pool.query(
      `INSERT INTO case_keys (case_id, wrapped_key, erased_at) VALUES ($1, NULL, now())
       ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, erased_at = coalesce(case_keys.erased_at, now())`,
      [caseId],
    );
    this.remember(caseId, { wrapped: null, key: ERASED });
  }

  private unwrap(caseId: string, wrapped: Buffer | null): CaseKey {
    const known = this.known.get(caseId);
    if (known && (wrapped === null ? known.wrapped === null : known.wrapped?.equals(wrapped) === true)) {
      return known.key;
    }
    const key: CaseKey =
      wrapped === null ? ERASED : { kind: 'key', key: open(this.masterKey, wrapped, `case-key/${caseId}`) };
    this.remember(caseId, { wrapped, key });
    return key;
  }

  private remember(caseId: string, known: KnownKey): void {
    // Erasure is final: a read that raced with it and saw the key may not bring it back.
    if (known.key.kind === 'key' && this.known.get(caseId)?.key.kind === 'erased') return;
    this.known.delete(caseId);
    this.known.set(caseId, known);
    if (this.known.size > KNOWN_KEYS) {
      const oldest = this.known.keys().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
  }
}
