import type { ClientBase, Pool } from 'pg';
import { CHECKPOINT_NAME, quoteSchema } from './read-model-schema';
import type { CaseRow, CaseRows } from './views';

/** Columns of `cases` that an upsert overwrites (all but the key). */
const CASE_COLUMNS: ReadonlyArray<keyof CaseRow> = [
  'full_name',
  'name_variants',
  'name_keys',
  'city',
  'status',
  'closed',
  'current_facility',
  'facility_key',
  'articles',
  'charges',
  'lawyer_ids',
  'lawyers',
  'measure',
  'measure_until',
  'expected_release_at',
  'expected_release_precision',
  'unreleased_term_end',
  'unlocated_since',
  'no_lawyer_since',
  'open_complaints',
  'torture_allegations',
  'deceased',
  'vulnerabilities',
  'public_roles',
  'detained_at',
  'detained_precision',
  'detained_on',
  'detained_until',
  'torture_methods',
  'death_circumstances',
  'death_causes',
  'held_hearings',
  'held_minutes',
  'defendant_heard_known',
  'defendant_heard',
  'lawyer_present_known',
  'lawyer_present',
  'complaints_filed',
  'complaints_investigation_opened',
  'complaints_refused',
  'complaint_due_at',
  'article_titles',
  'merged_into',
  'opened_at',
  'version',
  'last_recorded_at',
  'linked_case_ids',
  'detail',
];

export type WriteStage = 'cases' | 'rows' | 'checkpoint';

/**
 * Replaces the rows of the given cases (`null` rows: the case is gone) inside the caller's transaction, in two
 * statements whatever the batch's size (each a round trip the batch's transaction stays open for): the cases, with
 * their old hearings and complaints deleted beside them; then their new hearings and complaints. Rows travel as one
 * JSON array per table and are expanded with the table's own row type (`jsonb_populate_recordset`), so the column
 * list lives in the migration only. `afterStage` runs after each; the fault tests use it to fail a batch halfway.
 */
export async function replaceCaseRows(
  client: ClientBase,
  schema: string,
  rows: ReadonlyMap<string, CaseRows | null>,
  afterStage: (stage: WriteStage) => Promise<void> | void = () => undefined,
): Promise<void> {
  const s = quoteSchema(schema);
  const caseIds = [...rows.keys()];
  const present = [...rows.values()].filter((r): r is CaseRows => r !== null);

  // Rare (a merged or erased case's rows go); apart, because the counting triggers' transition tables of `cases`
  // must see one change of the table per statement.
  const gone = caseIds.filter((id) => rows.get(id) === null);
  if (gone.length > 0) await client.query(`DELETE FROM ${s}.cases WHERE case_id = ANY($1::uuid[])`, [gone]);
  const updates = CASE_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  await client.query(
    `WITH old_hearings AS (DELETE FROM ${s}.hearings WHERE case_id = ANY($1::uuid[])),
          old_complaints AS (DELETE FROM ${s}.complaints WHERE case_id = ANY($1::uuid[]))
     INSERT INTO ${s}.cases SELECT * FROM jsonb_populate_recordset(NULL::${s}.cases, $2::jsonb)
     ON CONFLICT (case_id) DO UPDATE SET ${updates}`,
    [caseIds, JSON.stringify(present.map((r) => r.case))],
  );
  await afterStage('cases');

  const hearings = present.flatMap((r) => r.hearings);
  const complaints = present.flatMap((r) => r.complaints);
  if (hearings.length > 0 || complaints.length > 0) {
    await client.query(
      `WITH new_hearings AS (
         INSERT INTO ${s}.hearings SELECT * FROM jsonb_populate_recordset(NULL::${s}.hearings, $1::jsonb)
       )
       INSERT INTO ${s}.complaints SELECT * FROM jsonb_populate_recordset(NULL::${s}.complaints, $2::jsonb)`,
      [JSON.stringify(hearings), JSON.stringify(complaints)],
    );
  }
  await afterStage('rows');
}

/**
 * Locks the projector's checkpoint row for the rest of the transaction and returns it (0 before the first batch).
 * Holding the lock is what keeps two projectors on one schema from interleaving their batches.
 */
export async function lockCheckpoint(client: ClientBase, schema: string): Promise<number> {
  const s = quoteSchema(schema);
  const lock = async (): Promise<string | undefined> => {
    const { rows } = await client.query<{ position: string }>(
      `SELECT position FROM ${s}.checkpoint WHERE name = $1 FOR UPDATE`,
      [CHECKPOINT_NAME],
    );
    return rows[0]?.position;
  };
  // One round trip once the row exists (every batch but a schema's first).
  let position = await lock();
  if (position === undefined) {
    await client.query(`INSERT INTO ${s}.checkpoint (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, [
      CHECKPOINT_NAME,
    ]);
    position = await lock();
  }
  return Number(position);
}

export async function saveCheckpoint(client: ClientBase, schema: string, position: number): Promise<void> {
  await client.query(`UPDATE ${quoteSchema(schema)}.checkpoint SET position = $2, updated_at = now() WHERE name = $1`, [
    CHECKPOINT_NAME,
    position,
  ]);
}

/** The stored checkpoint, read without a transaction (0 when the projector never ran). */
export async function readCheckpoint(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ position: string }>(
    `SELECT position FROM ${quoteSchema(schema)}.checkpoint WHERE name = $1`,
    [CHECKPOINT_NAME],
  );
  return rows.length === 0 ? 0 : Number(rows[0].position);
}

/** The stream version a case's rows were projected from; null when the case has no rows yet. */
export async function projectedVersion(pool: Pool, schema: string, caseId: string): Promise<number | null> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT version FROM ${quoteSchema(schema)}.cases WHERE case_id = $1::uuid`,
    [caseId],
  );
  return rows[0]?.version ?? null;
}
