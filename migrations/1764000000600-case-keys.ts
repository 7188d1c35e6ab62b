import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per case, wrapped by the master key. Erasure sets wrapped_key to NULL and keeps the row,
 * so the history shows the case was erased and no key material remains.
 */
export class CaseKeys1764000000600 implements MigrationInterface {
  name = 'CaseKeys1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_keys (
        case_id uuid PRIMARY KEY,
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_keys`);
  }
}
