import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links between cases are recorded on the case they were posted to; `linked_case_ids` lists the other cases so that
 * the case at the other end finds the link too (the GIN index answers `linked_case_ids @> ARRAY[id]`). NULL for rows
 * written before: a projection rebuild fills it, and no case had a link then.
 */
export class CaseLinks1764000001300 implements MigrationInterface {
  name = 'CaseLinks1764000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN linked_case_ids uuid[]`);
    await q.query(`CREATE INDEX cases_linked_case_ids_idx ON read_model.cases USING gin (linked_case_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX read_model.cases_linked_case_ids_idx`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN linked_case_ids`);
  }
}
