import type { Pool } from 'pg';
import { newDataKey, open, seal } from './aes-gcm';

/** A case's data key, or the fact that it was destroyed. */
export type CaseKey = { kind: 'key'; key: Buffer } | { kind: 'erased' };

/**
 * Per-case data keys, stored wrapped (AES-256-GCM) by the master key. Destroying a key keeps its row with
 * `erased_at` and no key material: the case's sensitive fields can never be read again, and everyone can
 * see that this is why.
 */
export class CaseKeyStore {
  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  async find(caseId: string): Promise<CaseKey | null> {
    const { rows } = await this.pool.query<{ wrapped_key: Buffer | null }>(
      'SELECT wrapped_key FROM case_keys WHERE case_id = $1',
      [caseId],
    );
    if (rows.length === 0) return null;
    const wrapped = rows[0].wrapped_key;
    return wrapped === null
      ? { kind: 'erased' }
      : { kind: 'key', key: open(this.masterKey, wrapped, `case-key/${caseId}`) };
  }

  /** The case's key, created on first use; concurrent creators agree on one key. */
  async findOrCreate(caseId: string): Promise<CaseKey> {
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
    await this.pool.query(
      `INSERT INTO case_keys (case_id, wrapped_key, erased_at) VALUES ($1, NULL, now())
       ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, erased_at = coalesce(case_keys.erased_at, now())`,
      [caseId],
    );
  }
}
