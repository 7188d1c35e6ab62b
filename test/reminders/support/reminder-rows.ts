import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** A lawyer account straight in the users table (no API in these tests). */
export async function insertUser(pool: Pool, email: string, role = 'lawyer'): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO users (id, email, name, role, password_hash, time_zone) VALUES ($1, $2, $3, $4, 'x', 'Asia/Almaty')`,
    [id, email, email, role],
  );
  return id;
}

/** A pending hearing reminder due at `dueAt`, as the projector would write it. */
export async function insertReminder(pool: Pool, recipient: string, dueAt: number): Promise<string> {
  const id = randomUUID();
  const caseId = randomUUID();
  const payload = {
    kind: 'hearing',
    caseId,
    hearingId: randomUUID(),
    hearingKind: 'trial',
    court: 'City court',
    scheduledAt: new Date(dueAt + 3_600_000).toISOString(),
  };
  await pool.query(
    `INSERT INTO reminders (id, case_id, kind, subject_id, recipient_user_id, offset_ms, due_at, state, payload)
     VALUES ($1, $2, 'hearing', $3, $4, 3600000, $5, 'pending', $6)`,
    [id, caseId, payload.hearingId, recipient, new Date(dueAt), payload],
  );
  return id;
}

export async function countByState(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ state: string; n: string }>(
    `SELECT state, count(*) AS n FROM reminders GROUP BY state`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
