import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records store the write's outcome (its kind and data) instead of an HTTP status and body. Rows written
 * before keep their status and body and are read as they are: none is rewritten. A row holds one or the other.
 */
export class IdempotencyOutcomes1764000001100 implements MigrationInterface {
  name = 'IdempotencyOutcomes1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN outcome jsonb,
        ALTER COLUMN status_code DROP NOT NULL,
        ALTER COLUMN response DROP NOT NULL,
        ADD CONSTRAINT idempotency_keys_answer
          CHECK (outcome IS NOT NULL OR (status_code IS NOT NULL AND response IS NOT NULL))`);
  }

  /**
   * Forgets the answers stored as outcomes: the code before this cannot read them. A repeat of one of those writes is
   * decided again; one that was appended is still found in its stream by its event ids and answered as a replay.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_keys WHERE outcome IS NOT NULL`);
    await q.query(`
      ALTER TABLE idempotency_keys
        DROP CONSTRAINT idempotency_keys_answer,
        ALTER COLUMN status_code SET NOT NULL,
        ALTER COLUMN response SET NOT NULL,
        DROP COLUMN outcome`);
  }
}
