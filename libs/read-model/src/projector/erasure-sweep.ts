import type { Pool, PoolClient } from 'pg';
import type { CaseState } from '@casetrack/domain';
import { ERASED_TEXT } from '@casetrack/domain';
import { caseIdOf, type RecordedEvent } from '@casetrack/event-store';

/**
 * Tables outside the read-model schema that hold copies of case text: the stored first answers of Idempotency-Key
 * writes (another case's `possibleDuplicates` names the erased person), reminders, the write path's copy of
 * newly opened names, and the sealed cells of imported rows that recorded facts on a case. Absent ones are skipped (a
 * database of an older migration).
 */
const COPY_TABLES = ['idempotency_keys', 'reminders', 'opened_case_names', 'import_rows'] as const;

/** The ids of the cases a feed batch erased. */
export function erasedCasesOf(events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const caseId = caseIdOf(event.streamId);
    if (caseId && event.type === 'CaseErased') ids.add(caseId);
  }
  return [...ids];
}

/**
 * The projector's built-in batch hook: in the batch's transaction, so that a read after the erasure (X-Min-Position)
 * finds them erased, the stored answers naming an erased case of the batch lose its names, and its imported rows go. A batch that touches a
 * case erased earlier finds nothing left to rewrite.
 */
export async function eraseCopiedNames(client: PoolClient, states: ReadonlyMap<string, CaseState>): Promise<void> {
  const erased = new Set([...states].filter(([, state]) => state.erased).map(([caseId]) => caseId));
  if (erased.size === 0) return;
  const present = await presentCopyTables(client);
  if (present.includes('idempotency_keys')) await eraseStoredAnswers(client, erased);
  // An imported row that recorded facts on an erased case goes whole: its cells are the person's words.
  if (present.includes('import_rows')) {
    await client.query('DELETE FROM import_rows WHERE case_id = ANY($1::uuid[])', [[...erased]]);
  }
}

/** The tables outside the read-model schema that hold copies of case text and exist in this database. */
export async function presentCopyTables(db: Pool | PoolClient): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])`,
    [COPY_TABLES],
  );
  return rows.map((row) => row.tablename);
}

/** Stored answers (and the bodies stored before outcomes were) mentioning an erased case, with its names erased. */
async function eraseStoredAnswers(client: PoolClient, erased: ReadonlySet<string>): Promise<void> {
  const patterns = [...erased].map((caseId) => `%${caseId}%`);
  const { rows } = await client.query<{ user_id: string; key: string; outcome: unknown; response: unknown }>(
    `SELECT user_id, key, outcome, response FROM idempotency_keys
      WHERE outcome::text LIKE ANY($1::text[]) OR response::text LIKE ANY($1::text[])`,
    [patterns],
  );
  for (const row of rows) {
    await client.query('UPDATE idempotency_keys SET outcome = $3, response = $4 WHERE user_id = $1 AND key = $2', [
      row.user_id,
      row.key,
      asJsonb(withNamesErased(row.outcome, erased)),
      asJsonb(withNamesErased(row.response, erased)),
    ]);
  }
}

/** SQL NULL stays NULL (a JSON `null` would be another value). */
function asJsonb(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** A copy of `value` in which every object about an erased case (by its `caseId`) has its names erased. */
export function withNamesErased(value: unknown, erased: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withNamesErased(item, erased));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withNamesErased(item, erased);
  const caseId = copy.caseId;
  if (typeof caseId === 'string' && erased.has(caseId)) {
    if ('fullName' in copy) copy.fullName = ERASED_TEXT;
    if ('nameVariants' in copy) copy.nameVariants = [];
  }
  return copy;
}
