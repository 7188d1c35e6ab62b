import { revokedAfter } from '@casetrack/auth';
import type { ActorRole } from '@casetrack/domain';
import type { ReminderKind, ReminderState } from '../rules/reminder-types';
import type { Queryable } from '../projection/reminder-projection';

export interface ReminderLogItem {
  reminderId: string;
  caseId: string;
  kind: ReminderKind;
  recipientId: string;
  dueAt: string;
  status: ReminderState;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

export interface ReminderLogQuery {
  viewer: { id: string; role: ActorRole };
  caseId?: string;
  status?: ReminderState;
}

/** The most a reminder log answer lists, latest due first. */
export const REMINDER_LOG_LIMIT = 500;

/** The case is not one the viewer may see (or does not exist): the API answers 404. */
export class ReminderCaseNotVisible extends Error {}

/**
 * The reminder log: a lawyer sees the reminders addressed to them on the cases they are assigned to; coordinators
 * and auditors see every reminder. Case visibility comes from the read model (the case access policy as SQL), and a
 * lawyer's removal from a case counts at once, before the projector has caught up with it.
 */
export async function listReminders(db: Queryable, query: ReminderLogQuery): Promise<{ items: ReminderLogItem[] }> {
  const { viewer } = query;
  const lawyer = viewer.role === 'lawyer';
  if (query.caseId !== undefined) {
    const { rows } = await db.query(
      `SELECT 1 FROM read_model.cases c
        WHERE c.case_id = $1
          AND ($2::uuid IS NULL OR (c.lawyer_ids @> ARRAY[$2::uuid] AND NOT ${lawyerRemoved('$2::uuid')}))`,
      [query.caseId, lawyer ? viewer.id : null],
    );
    if (rows.length === 0) throw new ReminderCaseNotVisible();
  }
  const { rows } = await db.query<{
    id: string;
    case_id: string;
    kind: ReminderKind;
    recipient_user_id: string;
    due_at: Date;
    state: ReminderState;
    attempts: number;
    sent_at: Date | null;
    last_error: string | null;
  }>(
    `SELECT r.id, r.case_id, r.kind, r.recipient_user_id, r.due_at, r.state, r.attempts, r.sent_at, r.last_error
       FROM reminders r
      WHERE ($1::uuid IS NULL OR r.case_id = $1)
        AND ($2::text IS NULL OR r.state = $2)
        AND ($3::uuid IS NULL OR (r.recipient_user_id = $3 AND EXISTS (
              SELECT 1 FROM read_model.cases c
               WHERE c.case_id = r.case_id AND c.lawyer_ids @> ARRAY[$3::uuid] AND NOT ${lawyerRemoved('$3::uuid')})))
      ORDER BY r.due_at DESC, r.id
      LIMIT ${REMINDER_LOG_LIMIT}`,
    [query.caseId ?? null, query.status ?? null, lawyer ? viewer.id : null],
  );
  return {
    items: rows.map((r) => ({
      reminderId: r.id,
      caseId: r.case_id,
      kind: r.kind,
      recipientId: r.recipient_user_id,
      dueAt: r.due_at.toISOString(),
      status: r.state,
      attempts: r.attempts,
      sentAt: r.sent_at?.toISOString() ?? null,
      lastError: r.last_error,
    })),
  };
}

/** The lawyer was removed from the case after the version its projected row `c` reflects. */
function lawyerRemoved(lawyerId: string): string {
  return revokedAfter('c.case_id', lawyerId, 'c.version');
}
