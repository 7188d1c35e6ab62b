import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the case list's filters and sorts added in issue 14 (`closed`, `detainedFrom`/`detainedTo`,
 * `tortureAlleged`, `sort=fullName|detainedAt`) and for the statistics' period. Those that lead with the list's
 * order answer a first page, and the list's bounded count, by reading only the rows they return.
 */
const INDEXES: ReadonlyArray<[name: string, definition: string]> = [
  ['cases_detained_on_idx', '(detained_on)'],
  ['cases_detained_at_idx', '(detained_at, case_id)'],
  ['cases_detained_at_desc_idx', '(detained_at DESC NULLS LAST, case_id DESC)'],
  ['cases_full_name_idx', '(full_name, case_id)'],
  ['cases_closed_recent_idx', '(closed, last_recorded_at DESC, case_id)'],
  ['cases_status_recent_idx', '(status, last_recorded_at DESC, case_id)'],
  ['cases_tortured_recent_idx', '(last_recorded_at DESC, case_id) WHERE torture_allegations > 0'],
];

export class CaseListIndexes1764000001410 implements MigrationInterface {
  name = 'CaseListIndexes1764000001410';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await q.query(`CREATE INDEX ${name} ON read_model.cases ${definition}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX read_model.${name}`);
  }
}
