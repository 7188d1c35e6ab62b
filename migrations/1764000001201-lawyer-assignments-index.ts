import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds every case that assigned a lawyer whose account is disabled, without reading the whole store. */
export class LawyerAssignmentsIndex1764000001201 implements MigrationInterface {
  name = 'LawyerAssignmentsIndex1764000001201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_lawyer_assigned_idx ON events ((data->>'lawyerId')) WHERE type = 'LawyerAssigned'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX events_lawyer_assigned_idx`);
  }
}
