import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The court day's board finds a court the way a person types it (libs/read-model queries/court-key.ts): every typed
 * word inside the court's folded name. A trigram index on exactly that fold answers those LIKE '%word%' matches.
 */
const COURT_KEY = `regexp_replace(translate(lower(court), 'ё', 'е'), '[^[:alnum:]]+', ' ', 'g')`;

export class CourtDay1764000001810 implements MigrationInterface {
  name = 'CourtDay1764000001810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hearings_court_key_idx ON read_model.hearings USING gin ((${COURT_KEY}) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX read_model.hearings_court_key_idx`);
  }
}
