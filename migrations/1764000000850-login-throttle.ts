import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in throttle counts failures per account and client address, and remembers the addresses each account
 * signed in from. Accounts and addresses are stored only as keyed digests (HMAC under a key derived from MASTER_KEY):
 * an IPv4 address hashed without a key could be recovered by trying all four billion.
 */
export class LoginThrottle1764000000850 implements MigrationInterface {
  name = 'LoginThrottle1764000000850';

  async up(q: QueryRunner): Promise<void> {
    // The old rows are keyed by a plain digest of the email and carry no address: they cannot be counted any more.
    await q.query(`DELETE FROM login_failures`);
    await q.query(`ALTER TABLE login_failures ADD COLUMN address_key text NOT NULL`);
    await q.query(`CREATE INDEX login_failures_address_idx ON login_failures (account_key, address_key, failed_at)`);
    await q.query(`
      CREATE TABLE login_known_addresses (
        account_key text NOT NULL,
        address_key text NOT NULL,
        last_success_at timestamptz NOT NULL,
        PRIMARY KEY (account_key, address_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_known_addresses`);
    await q.query(`DROP INDEX login_failures_address_idx`);
    await q.query(`ALTER TABLE login_failures DROP COLUMN address_key`);
  }
}
