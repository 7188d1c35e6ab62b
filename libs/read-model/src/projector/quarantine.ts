import type { ClientBase, Pool } from 'pg';
import type { RecordedEvent } from '@casetrack/event-store';
import { quoteSchema } from '../projection/read-model-schema';

/** An event the projector could not apply, and why; the case's rows stay as they were before it. */
export interface QuarantinedEvent {
  caseId: string;
  version: number;
  position: number;
  eventType: string;
  /** The error's class and SQLSTATE: never its message, which can quote the event's content. */
  reason: string;
}

export function quarantineOf(caseId: string, event: RecordedEvent, error: unknown): QuarantinedEvent {
  return { caseId, version: event.version, position: event.position, eventType: event.type, reason: reasonOf(error) };
}

/** `error` may also be a reason of our own, as a string. */
export function reasonOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

/**
 * Whether PostgreSQL refused a row for what it holds (SQLSTATE classes 22 data exception, 23 integrity constraint,
 * 42 syntax or access rule): that is one case's data at fault. Anything else (a lost connection, a deadlock, a full
 * disk, a fault in our own code) fails the whole batch, which is then retried.
 */
export function isRowDataError(error: unknown): boolean {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23|42)[0-9A-Z]{3}$/.test(code);
}

/** Keeps the first failing event of each case: a case stays quarantined at the event that stopped it. */
export async function saveQuarantine(
  client: ClientBase,
  schema: string,
  entries: readonly QuarantinedEvent[],
): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO ${quoteSchema(schema)}.quarantine (case_id, version, position, event_type, reason)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::text[], $5::text[])
     ON CONFLICT (case_id) DO NOTHING`,
    [
      entries.map((e) => e.caseId),
      entries.map((e) => e.version),
      entries.map((e) => e.position),
      entries.map((e) => e.eventType),
      entries.map((e) => e.reason),
    ],
  );
}

/** Cases whose rows were just written whole again are no longer quarantined. */
export async function clearQuarantine(client: ClientBase, schema: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await client.query(`DELETE FROM ${quoteSchema(schema)}.quarantine WHERE case_id = ANY($1::uuid[])`, [caseIds]);
}

export async function quarantinedCaseIds(pool: Pool, schema: string, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ case_id: string }>(
    `SELECT case_id FROM ${quoteSchema(schema)}.quarantine ORDER BY position LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.case_id);
}

export async function countQuarantined(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteSchema(schema)}.quarantine`);
  return rows[0].n;
}
