import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a role's day in the console needs of the server:
 * - `calendar_feeds`: one secret iCalendar feed per user, stored as SHA-256 only (the URL is shown once); a new one
 *   replaces the old, revoking deletes the row.
 * - `password_resets`: one-time links an admin makes for a user, SHA-256 only, single use, short-lived.
 * - `read_model.cases.unlocated_since` / `no_lawyer_since`: since when a case waits for a coordinator (the escalation
 *   queue), derived from the case like the reminders' escalations. NULL for rows written before: a projection
 *   rebuild fills them.
 */
/** The column of each escalation reason's time: unlocated, no lawyer, the administrative term's end. */
const WAITING_COLUMNS = ['unlocated_since', 'no_lawyer_since', 'unreleased_term_end'];

export class RoleDay1764000001700 implements MigrationInterface {
  name = 'RoleDay1764000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE password_resets (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN unlocated_since timestamptz`);
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN no_lawyer_since timestamptz`);
    // The queue reads each reason's keys and times oldest first among open cases: one small ordered index per
    // reason, which answers that alone (index-only), so only a page's rows are read from the wide table.
    for (const column of WAITING_COLUMNS) {
      await q.query(
        `CREATE INDEX cases_waiting_${column}_idx ON read_model.cases (${column}, case_id)
          WHERE ${column} IS NOT NULL AND NOT closed AND merged_into IS NULL AND NOT deceased`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of WAITING_COLUMNS) await q.query(`DROP INDEX read_model.cases_waiting_${column}_idx`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN no_lawyer_since`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN unlocated_since`);
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
