import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every read of one case's data by a person: who, which case, what they read, when. Append-only. */
export class CaseAccessLog1764000000500 implements MigrationInterface {
  name = 'CaseAccessLog1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        user_role text NOT NULL,
        view text NOT NULL,
        accessed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_access_log_case_idx ON case_access_log (case_id, accessed_at)`);
    await q.query(`CREATE INDEX case_access_log_user_idx ON case_access_log (user_id, accessed_at)`);
    await q.query(`
      CREATE FUNCTION case_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_access_log is append-only' USING ERRCODE = '42501';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON case_access_log
      FOR EACH STATEMENT EXECUTE FUNCTION case_access_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_access_log`);
    await q.query(`DROP FUNCTION case_access_log_append_only()`);
  }
}
