import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users carry the language their messages, dossiers and console are in; existing users read English. */
export class UserLocale1764000001200 implements MigrationInterface {
  name = 'UserLocale1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ru', 'kk'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN locale`);
  }
}
