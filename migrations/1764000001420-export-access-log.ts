import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An export reads many cases at once and is logged as one entry: no case, the filter it was asked with and the
 * number of cases it matched. Every other view still names exactly one case.
 */
export class ExportAccessLog1764000001420 implements MigrationInterface {
  name = 'ExportAccessLog1764000001420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_access_log
        ALTER COLUMN case_id DROP NOT NULL,
        ADD COLUMN filter jsonb,
        ADD COLUMN case_count integer,
        ADD CONSTRAINT case_access_log_export_check CHECK (
          CASE WHEN view = 'export' THEN case_id IS NULL AND filter IS NOT NULL AND case_count IS NOT NULL
               ELSE case_id IS NOT NULL AND filter IS NULL AND case_count IS NULL END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_access_log
        DROP CONSTRAINT case_access_log_export_check,
        DROP COLUMN case_count,
        DROP COLUMN filter,
        ALTER COLUMN case_id SET NOT NULL`);
  }
}
