import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A detainee's city may be unknown (issue 12): the case row keeps NULL, never a placeholder word, so no list or
 * statistic counts a city called "unknown". Rows written before all have a city and stay as they are.
 */
export class UnknownCity1764000001210 implements MigrationInterface {
  name = 'UnknownCity1764000001210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ALTER COLUMN city DROP NOT NULL`);
  }

  /** The code before this cannot show a case without a city: those rows leave until the projector writes them. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM read_model.cases WHERE city IS NULL`);
    await q.query(`ALTER TABLE read_model.cases ALTER COLUMN city SET NOT NULL`);
  }
}
