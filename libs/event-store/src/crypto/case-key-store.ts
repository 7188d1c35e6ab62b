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
    return (await this.findMany([caseId])).get(caseId) ?? null;
  }

  /** The keys of several cases in one query (a projector batch touches many); cases without a key are absent. */
  async findMany(caseIds: string[]): Promise<Map<string, CaseKey>> {
    const { rows } = await this.pool.query<{ case_id: string; wrapped_key: Buffer | null }>(
      'SELECT case_id, wrapped_key FROM case_keys WHERE case_id = ANY($1::uuid[])',
      [caseIds],
    );
    const keys = new Map<string, CaseKey>();
    for (const { case_id: caseId, wrapped_key: wrapped } of rows) {
      const key: CaseKey =
        wrapped === null
          ? { kind: 'erased' }
          : { kind: 'key', key: open(this.masterKey, wrapped, `case-key/${caseId}`) };
      keys.set(caseId, key);
    }
    return keys;
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
