import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The precision of an administrative arrest's expected release: the arrest's own (a start known to the month gives an
 * end known to the month; an unknown start, an end no later than the recorded one + days). NULL for rows written
 * before: a projection rebuild fills it.
 */
export class ExpectedReleasePrecision1764000001360 implements MigrationInterface {
  name = 'ExpectedReleasePrecision1764000001360';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN expected_release_precision text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN expected_release_precision`);
  }
}
