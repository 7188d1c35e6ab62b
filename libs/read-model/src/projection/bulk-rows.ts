import type { ClientBase } from 'pg';
import { quoteSchema } from './read-model-schema';
import type { CaseRows } from './views';

/**
 * Inserts the rows of cases that have none yet in `schema` (a rebuild's fresh tables): one statement for all three
 * tables whatever the number of cases, so a write costs one round trip, and it applies whole or not at all. Rows
 * travel as one JSON array per table and are expanded with the table's own row type, so the column list lives in
 * the migration only.
 */
export async function insertCaseRows(client: ClientBase, schema: string, rows: readonly CaseRows[]): Promise<void> {
  if (rows.length === 0) return;
  const s = quoteSchema(schema);
  await client.query(
    `WITH hearings AS (
       INSERT INTO ${s}.hearings SELECT * FROM jsonb_populate_recordset(NULL::${s}.hearings, $2::jsonb)
     ), complaints AS (
       INSERT INTO ${s}.complaints SELECT * FROM jsonb_populate_recordset(NULL::${s}.complaints, $3::jsonb)
     )
     INSERT INTO ${s}.cases SELECT * FROM jsonb_populate_recordset(NULL::${s}.cases, $1::jsonb)`,
    [
      JSON.stringify(rows.map((r) => r.case)),
      JSON.stringify(rows.flatMap((r) => r.hearings)),
      JSON.stringify(rows.flatMap((r) => r.complaints)),
    ],
  );
}

/** Removes every row of the given cases from `schema`, before they are inserted again. */
export async function deleteCaseRows(client: ClientBase, schema: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const s = quoteSchema(schema);
  for (const table of ['cases', 'hearings', 'complaints']) {
    await client.query(`DELETE FROM ${s}.${table} WHERE case_id = ANY($1::uuid[])`, [caseIds]);
  }
}
