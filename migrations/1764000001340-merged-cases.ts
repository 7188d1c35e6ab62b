import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The survivor of a case merged as a duplicate: lists, search, statistics and duplicate detection read
 * `merged_into IS NULL`. NULL for rows written before (no case was merged then).
 */
export class MergedCases1764000001340 implements MigrationInterface {
  name = 'MergedCases1764000001340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN merged_into uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN merged_into`);
  }
}
