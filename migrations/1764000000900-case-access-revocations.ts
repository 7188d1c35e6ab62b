import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocations of a lawyer's access to a case, written by the write path as it acknowledges them, so that reads
 * honour them before the projector has caught up. In `public`, not `read_model`: a rebuild swaps that schema, and
 * these rows are not derived from the read models (nor wanted to be lost with them).
 */
export class CaseAccessRevocations1764000000900 implements MigrationInterface {
  name = 'CaseAccessRevocations1764000000900';

  async up(q: QueryRunner): Promise<void> {
    // The primary key is the index every read's check uses: (case, person) -> the latest version that revoked.
    await q.query(`
      CREATE TABLE public.case_access_revocations (
        case_id uuid NOT NULL,
        user_id uuid NOT NULL,
        version integer NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public.case_access_revocations`);
  }
}
