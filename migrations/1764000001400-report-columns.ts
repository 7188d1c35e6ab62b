import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics and the case list's new filters read, as columns so that each is answered in SQL from an
 * index rather than from the `detail` document:
 * - the first detention: its instant (`detained_at`, sort `detainedAt`), its precision, and for a day, month or year
 *   the first and last day of the writer's calendar period (`detained_on`, `detained_until`), so that a detention at
 *   00:30 +06:00 on 8 January known to the day is the 8th whatever the reader's zone;
 * - the torture methods alleged in the case, the death's circumstances and causes;
 * - each hearing's duration and whether the defendant was heard and the lawyer present.
 * NULL for rows written before: a projection rebuild fills them.
 */
export class ReportColumns1764000001400 implements MigrationInterface {
  name = 'ReportColumns1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE read_model.cases
        ADD COLUMN detained_at timestamptz,
        ADD COLUMN detained_precision text,
        ADD COLUMN detained_on date,
        ADD COLUMN detained_until date,
        ADD COLUMN torture_methods text[],
        ADD COLUMN death_circumstances text,
        ADD COLUMN death_causes text[]`);
    await q.query(`
      ALTER TABLE read_model.hearings
        ADD COLUMN duration_minutes integer,
        ADD COLUMN defendant_heard boolean,
        ADD COLUMN lawyer_present boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE read_model.hearings
        DROP COLUMN duration_minutes, DROP COLUMN defendant_heard, DROP COLUMN lawyer_present`);
    await q.query(`
      ALTER TABLE read_model.cases
        DROP COLUMN detained_at, DROP COLUMN detained_precision, DROP COLUMN detained_on, DROP COLUMN detained_until,
        DROP COLUMN torture_methods, DROP COLUMN death_circumstances, DROP COLUMN death_causes`);
  }
}
