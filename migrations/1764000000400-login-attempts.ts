import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins per account, for the login limit. Keyed by a hash of the email so unknown accounts count too. */
export class LoginAttempts1764000000400 implements MigrationInterface {
  name = 'LoginAttempts1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        account_key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_account_idx ON login_failures (account_key, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
  }
}
