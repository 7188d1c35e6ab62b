import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in: each user's TOTP secret (sealed with MASTER_KEY, never stored in clear), their recovery codes
 * (SHA-256 only), and an append-only audit of account security changes (who did what to whose account, when).
 */
export class SecondFactor1764000000800 implements MigrationInterface {
  name = 'SecondFactor1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE second_factors (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        sealed_secret bytea NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE account_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NOT NULL REFERENCES users (id),
        subject_id uuid NOT NULL REFERENCES users (id),
        action text NOT NULL CHECK (action IN (
          'second_factor_enabled', 'second_factor_disabled', 'second_factor_reset', 'recovery_code_used'
        ))
      )`);
    await q.query(`CREATE INDEX account_audit_subject_idx ON account_audit (subject_id, at)`);
    await q.query(`
      CREATE FUNCTION account_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'account_audit is append-only' USING ERRCODE = '42501';
      END $$`);
    await q.query(`
      CREATE TRIGGER account_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON account_audit
      FOR EACH STATEMENT EXECUTE FUNCTION account_audit_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_audit`);
    await q.query(`DROP FUNCTION account_audit_append_only()`);
    await q.query(`DROP TABLE recovery_codes`);
    await q.query(`DROP TABLE second_factors`);
  }
}
