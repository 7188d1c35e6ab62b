import type { DesiredReminder, ReminderState } from '../rules/reminder-types';

/** A reminder row as the reconciliation needs to see it. */
export interface ExistingReminder {
  id: string;
  state: ReminderState;
  dueAt: number;
}

export interface ReminderPlan {
  /** New rows, pending. */
  insert: DesiredReminder[];
  /** Cancelled rows the case calls for again (an unassigned lawyer back, a retracted cancellation): pending. */
  revive: DesiredReminder[];
  /** Pending or queued rows whose due time changed: pending at the new time (their old job is ignored). */
  move: DesiredReminder[];
  /** Pending or queued rows the case no longer calls for. */
  cancel: string[];
}

const OPEN: readonly ReminderState[] = ['pending', 'queued'];

/**
 * What to change so that the rows match the reminders the case calls for. Pure; `now` only decides about reminders
 * whose time has passed before they were first known (a hearing scheduled 10 hours ahead, a detention reported
 * late): of those, only the latest of each series (same subject, same time, same recipient) is sent, at once, and
 * only if nothing at or after its time was already sent, and (for hearings and measures) while the deadline itself
 * is still ahead. Sent and failed rows are never touched.
 */
export function planReminders(
  existing: readonly ExistingReminder[],
  desired: readonly DesiredReminder[],
  now: number,
): ReminderPlan {
  const rows = new Map(existing.map((row) => [row.id, row]));
  const plan: ReminderPlan = { insert: [], revive: [], move: [], cancel: [] };
  const wanted = new Set(desired.map((d) => d.reminderId));

  for (const series of groupSeries(desired).values()) {
    const overdue: DesiredReminder[] = [];
    let handledUpTo = -Infinity;
    for (const reminder of series) {
      const row = rows.get(reminder.reminderId);
      // A row at a past time, sent or on its way, already told the recipient about this subject.
      if (row && row.state !== 'cancelled' && reminder.dueAt < now) handledUpTo = Math.max(handledUpTo, reminder.dueAt);
      if (row && OPEN.includes(row.state)) {
        if (row.dueAt !== reminder.dueAt) plan.move.push(reminder);
      } else if (!row || row.state === 'cancelled') {
        if (reminder.dueAt >= now) (row ? plan.revive : plan.insert).push(reminder);
        else overdue.push(reminder);
      }
    }
    const latest = overdue.reduce<DesiredReminder | null>((a, b) => (a && a.dueAt >= b.dueAt ? a : b), null);
    if (!latest || latest.dueAt <= handledUpTo) continue;
    if (latest.deadline !== null && latest.deadline <= now) continue;
    (rows.has(latest.reminderId) ? plan.revive : plan.insert).push(latest);
  }

  for (const row of existing) {
    if (OPEN.includes(row.state) && !wanted.has(row.id)) plan.cancel.push(row.id);
  }
  return plan;
}

function groupSeries(desired: readonly DesiredReminder[]): Map<string, DesiredReminder[]> {
  const series = new Map<string, DesiredReminder[]>();
  for (const d of desired) {
    const key = `${d.kind}|${d.subjectId}|${d.subjectTime}|${d.recipientUserId}`;
    const list = series.get(key);
    if (list) list.push(d);
    else series.set(key, [d]);
  }
  return series;
}
