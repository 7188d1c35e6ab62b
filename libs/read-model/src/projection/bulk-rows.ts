import type { ClientBase } from 'pg';
import { quoteSchema } from './read-model-schema';
import type { CaseRows } from './views';

/**
 * Inserts the rows of cases that have none yet in `schema` (a rebuild's fresh tables): one plain `INSERT` per table
 * whatever the number of cases, no upsert and no delete. Rows travel as one JSON array per table and are expanded
 * with the table's own row type, so the column list lives in the migration only.
 */
export async function insertCaseRows(client: ClientBase, schema: string, rows: readonly CaseRows[]): Promise<void> {
  if (rows.length === 0) return;
  const s = quoteSchema(schema);
  await client.query(`INSERT INTO ${s}.cases SELECT * FROM jsonb_populate_recordset(NULL::${s}.cases, $1::jsonb)`, [
    JSON.stringify(rows.map((r) => r.case)),
  ]);
  const hearings = rows.flatMap((r) => r.hearings);
  if (hearings.length > 0) {
    await client.query(
      `INSERT INTO ${s}.hearings SELECT * FROM jsonb_populate_recordset(NULL::${s}.hearings, $1::jsonb)`,
      [JSON.stringify(hearings)],
    );
  }
  const complaints = rows.flatMap((r) => r.complaints);
  if (complaints.length > 0) {
    await client.query(
      `INSERT INTO ${s}.complaints SELECT * FROM jsonb_populate_recordset(NULL::${s}.complaints, $1::jsonb)`,
      [JSON.stringify(complaints)],
    );
  }
}

/** Removes every row of the given cases from `schema`, before they are inserted again. */
export async function deleteCaseRows(client: ClientBase, schema: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const s = quoteSchema(schema);
  for (const table of ['cases', 'hearings', 'complaints']) {
    await client.query(`DELETE FROM ${s}.${table} WHERE case_id = ANY($1::uuid[])`, [caseIds]);
  }
}
