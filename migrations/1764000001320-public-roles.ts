import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public roles of the person (human-rights defender, journalist...), for the case list's `publicRole=` filter
 * (the GIN index answers `public_roles @> ARRAY[role]`) and the statistics' `byPublicRole`. NULL for rows written
 * before: read as none, and a projection rebuild fills it (no case had a role then).
 */
export class PublicRoles1764000001320 implements MigrationInterface {
  name = 'PublicRoles1764000001320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN public_roles text[]`);
    await q.query(`CREATE INDEX cases_public_roles_idx ON read_model.cases USING gin (public_roles)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX read_model.cases_public_roles_idx`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN public_roles`);
  }
}
