import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of lists (issue 17): an uploaded file's table, kept until it is committed, deleted or expired.
 * - `imports`: one per upload, visible to its importer only. Everything a person typed (the file's name, its column
 *   names, the mapping, which names columns) is sealed with MASTER_KEY, bound to the import; decisions hold row
 *   numbers, case ids and words of a vocabulary only. The counters are moved in the transaction that settles a row.
 * - `import_rows`: one per data row; its cells sealed, bound to the import and the row. A recorded row's cells are
 *   deleted when it is recorded (the case holds the facts); a rejected or skipped row keeps them for the report of
 *   rejected rows until the import goes. `checked` is the dry run's word on the row; `steps` the writes recorded;
 *   errors are codes and field names, never typed text.
 */
export class Imports1764000001820 implements MigrationInterface {
  name = 'Imports1764000001820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('cases', 'hearings')),
        time_zone text NOT NULL,
        status text NOT NULL CHECK (status IN ('uploaded', 'checked', 'committing', 'done', 'failed')),
        sealed_file_name bytea NOT NULL,
        sealed_columns bytea NOT NULL,
        row_count integer NOT NULL,
        sealed_checked_mapping bytea,
        sealed_mapping bytea,
        decisions jsonb,
        recorded integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX imports_committing_idx ON imports (updated_at) WHERE status = 'committing'`);
    await q.query(`CREATE INDEX imports_created_idx ON imports (created_at)`);
    await q.query(`CREATE INDEX imports_user_idx ON imports (user_id)`);
    await q.query(`
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        row integer NOT NULL,
        sealed_cells bytea,
        checked text CHECK (checked IN ('new', 'duplicate', 'invalid')),
        outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'recorded', 'skipped', 'rejected')),
        case_id uuid,
        steps text[] NOT NULL DEFAULT '{}',
        error_code text,
        error_fields text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (import_id, row)
      )`);
    // An erased case takes its import rows with it.
    await q.query(`CREATE INDEX import_rows_case_idx ON import_rows (case_id) WHERE case_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rows`);
    await q.query(`DROP TABLE imports`);
  }
}
