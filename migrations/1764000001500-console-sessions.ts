import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's cookie sessions live beside bearer tokens in access_tokens, so every revocation (sign-out, a disabled
 * account, a password change) ends them the same way. `kind` keeps a session token from being used as a bearer token
 * (which would skip the CSRF check) and the other way round; `idle_until` is pushed forward as the session is used.
 */
export class ConsoleSessions1764000001500 implements MigrationInterface {
  name = 'ConsoleSessions1764000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE access_tokens ADD COLUMN kind text NOT NULL DEFAULT 'bearer' CHECK (kind IN ('bearer', 'session'))`,
    );
    await q.query(`ALTER TABLE access_tokens ADD COLUMN idle_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_tokens DROP COLUMN idle_until`);
    await q.query(`ALTER TABLE access_tokens DROP COLUMN kind`);
  }
}
