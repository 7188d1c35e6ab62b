import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases the projector could not apply an event of. One row per case (the first event that failed), in the read-model
 * schema: a rebuild starts with an empty table, and a case that projects again is cleared. `reason` holds an error
 * class and code, never the event's content.
 */
export class ProjectionQuarantine1764000001000 implements MigrationInterface {
  name = 'ProjectionQuarantine1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.quarantine (
        case_id        uuid PRIMARY KEY,
        version        integer     NOT NULL,
        position       bigint      NOT NULL,
        event_type     text        NOT NULL,
        reason         text        NOT NULL,
        quarantined_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.quarantine`);
  }
}
