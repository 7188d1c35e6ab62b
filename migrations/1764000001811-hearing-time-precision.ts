import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hearing's time may be known to the day only (a court's list that gives dates): the calendar keeps how precisely,
 * so that no reader prints an hour nobody knows. Rows projected before read as exact (a rebuild writes every row).
 */
export class HearingTimePrecision1764000001811 implements MigrationInterface {
  name = 'HearingTimePrecision1764000001811';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.hearings ADD COLUMN scheduled_precision text NOT NULL DEFAULT 'exact'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.hearings DROP COLUMN scheduled_precision`);
  }
}
