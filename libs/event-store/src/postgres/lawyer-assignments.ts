import type { Pool } from 'pg';

/**
 * The streams of the PostgreSQL store that ever assigned this lawyer, as committed now. Unlike the feed, which holds
 * back an event while an older transaction is still open (so that it never skips one), this sees every committed
 * assignment at once; the partial index `events_lawyer_assigned_idx` keeps it a lookup. Under another adapter the
 * table is empty and this finds nothing.
 */
export async function streamsAssigningLawyer(pool: Pool, lawyerId: string): Promise<string[]> {
  const { rows } = await pool.query<{ stream_id: string }>(
    `SELECT DISTINCT stream_id FROM events WHERE type = 'LawyerAssigned' AND data->>'lawyerId' = $1`,
    [lawyerId],
  );
  return rows.map((row) => row.stream_id);
}
