import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress of `event-store:copy` (PostgreSQL to KurrentDB), one row per direction: the source feed's checkpoint
 * after the last batch the target fully holds, so an interrupted copy resumes there instead of starting over.
 */
export class EventStoreCopy1764000000700 implements MigrationInterface {
  name = 'EventStoreCopy1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_store_copy_checkpoints (
        name text PRIMARY KEY,
        source_position bigint NOT NULL DEFAULT 0,
        copied bigint NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        verified_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_store_copy_checkpoints`);
  }
}
