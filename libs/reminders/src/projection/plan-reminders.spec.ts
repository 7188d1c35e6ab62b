import type { DesiredReminder } from '../rules/reminder-types';
import { type ExistingReminder, planReminders } from './plan-reminders';

const H = 3_600_000;
const NOW = Date.parse('2022-01-10T00:00:00Z');
const HEARING = NOW + 10 * H;

/** A hearing reminder series: offsets 72h, 24h, 2h before HEARING, for one lawyer. */
function series(hearingAt = HEARING, recipient = 'lawyer-1'): DesiredReminder[] {
  return [72 * H, 24 * H, 2 * H].map((offset) => ({
    reminderId: `${recipient}-${hearingAt}-${offset / H}h`,
    caseId: 'case-1',
    kind: 'hearing',
    subjectId: 'h1',
    recipientUserId: recipient,
    subjectTime: hearingAt,
    offsetMs: offset,
    dueAt: hearingAt - offset,
    deadline: hearingAt,
    payload: { kind: 'hearing', caseId: 'case-1', hearingId: 'h1', hearingKind: 'trial', court: 'c', scheduledAt: '' },
  }));
}

function row(d: DesiredReminder, state: ExistingReminder['state'], dueAt = d.dueAt): ExistingReminder {
  return { id: d.reminderId, state, dueAt };
}

const ids = (list: DesiredReminder[]) => list.map((d) => d.reminderId);

describe('planning reminder rows', () => {
  it('new and in the future: inserted; of those already past, only the latest is sent at once', () => {
    const desired = series(); // 72h and 24h are past, 2h is ahead
    const plan = planReminders([], desired, NOW);
    expect(ids(plan.insert).sort()).toEqual([desired[1].reminderId, desired[2].reminderId].sort());
    expect(plan).toMatchObject({ revive: [], move: [], cancel: [] });
  });

  it('applied again: nothing changes (the past one already handled, the earlier past one never inserted)', () => {
    const desired = series();
    const rows = [row(desired[1], 'sent'), row(desired[2], 'pending')];
    expect(planReminders(rows, desired, NOW + H)).toEqual({ insert: [], revive: [], move: [], cancel: [] });
  });

  it('a hearing already over: nothing late for it', () => {
    expect(planReminders([], series(NOW - H), NOW).insert).toEqual([]);
  });

  it('rows no longer called for are cancelled unless sent or failed', () => {
    const desired = series(NOW + 100 * H);
    const rows = [row(desired[0], 'sent'), row(desired[1], 'queued'), row(desired[2], 'pending')];
    const failed = { ...row(desired[2], 'failed'), id: 'failed-one' };
    expect(planReminders([...rows, failed], [], NOW).cancel).toEqual([desired[1].reminderId, desired[2].reminderId]);
  });

  it('a rescheduled hearing: the old series cancelled, the new one inserted', () => {
    const old = series(NOW + 100 * H);
    const moved = series(NOW + 200 * H);
    const plan = planReminders(
      old.map((d) => row(d, 'pending')),
      moved,
      NOW,
    );
    expect(plan.cancel).toEqual(ids(old));
    expect(ids(plan.insert)).toEqual(ids(moved));
  });

  it('a cancelled row called for again is revived; a row whose due time changed is moved', () => {
    const desired = series(NOW + 100 * H);
    const rows = [row(desired[0], 'cancelled'), row(desired[1], 'queued', desired[1].dueAt - 1000)];
    const plan = planReminders(rows, desired, NOW);
    expect(ids(plan.revive)).toEqual([desired[0].reminderId]);
    expect(ids(plan.move)).toEqual([desired[1].reminderId]);
    expect(ids(plan.insert)).toEqual([desired[2].reminderId]);
  });

  it('a lawyer assigned again after the 24h reminder was sent: no late repeat of the 72h one', () => {
    const desired = series();
    const rows = [row(desired[0], 'cancelled'), row(desired[1], 'sent'), row(desired[2], 'cancelled')];
    const plan = planReminders(rows, desired, NOW);
    expect(ids(plan.revive)).toEqual([desired[2].reminderId]);
    expect(plan.insert).toEqual([]);
  });

  it('an overdue complaint or an escalation first known late is still sent once', () => {
    const late: DesiredReminder = { ...series()[0], kind: 'complaint_overdue', deadline: null, dueAt: NOW - 30 * H };
    expect(ids(planReminders([], [late], NOW).insert)).toEqual([late.reminderId]);
  });
});
