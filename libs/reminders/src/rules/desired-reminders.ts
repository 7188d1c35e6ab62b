import {
  administrativeTerm,
  type CaseState,
  type Deadline,
  deadlinesOf,
  escalationSince,
  type HearingKind,
  type RuleSet,
} from '@casetrack/domain';
import { reminderId } from './reminder-id';
import type { DesiredReminder, ReminderKind, ReminderPayload, ReminderRules } from './reminder-types';

/** Hearings about custody itself: once the person is free they no longer call for the lawyer's attention. */
const CUSTODY_HEARINGS: readonly HearingKind[] = ['preventive_measure', 'measure_extension'];

/**
 * Every reminder the case calls for now, derived from its folded state alone (no clock: the projection decides what
 * to do with reminders whose time has already passed).
 *
 * - Scheduled hearings: each assigned lawyer, at each hearing offset before scheduledAt. A held or cancelled hearing
 *   has none; a moved one has them before its new date. Once the person is released, hearings on the preventive
 *   measure (imposition, extension) have none; trials and appeals keep theirs.
 * - The current preventive measure with an end date: each assigned lawyer, at each measure offset before `until`
 *   (an extension moves `until`; a release from custody or a verdict ends the measure).
 * - Complaints awaiting an answer with responseDueAt: each assigned lawyer, when the answer falls overdue.
 * - Missing for ESCALATION_AFTER, or in custody that long with no lawyer assigned: every coordinator.
 * - An administrative arrest's term (start + days) ending with no release recorded: every coordinator, at its end
 *   (a release recorded before then, or any later fact that explains where the person is, withdraws it).
 * - Each open deadline of the rule sets (rules/<id>.json, deadlinesOf): the lawyers at each measure offset before it
 *   and at it, the coordinators at it (an escalation: it passed). Where a rule covers the current measure or the
 *   administrative arrest, its deadlines replace the fixed measure-ending and term-ended reminders; without one, those
 *   stay as the fallback. Its time is part of the id: a rule set whose figure changes moves the reminders.
 * - A closed case, a deceased person, or a case that does not exist: none.
 * Retracted facts do not count: the state is folded without them.
 */
export function desiredReminders(
  caseId: string,
  state: CaseState,
  rules: ReminderRules,
  coordinators: readonly string[],
  ruleSets: readonly RuleSet[] = [],
): DesiredReminder[] {
  if (!state.exists || state.closed || state.status === 'deceased') return [];
  const lawyers = Object.keys(state.lawyers).sort();
  const out: DesiredReminder[] = [];
  const add = (
    kind: ReminderKind,
    subjectId: string,
    subjectTime: number,
    offsetMs: number,
    dueAt: number,
    deadline: number | null,
    recipients: readonly string[],
    payload: ReminderPayload,
  ): void => {
    for (const recipientUserId of recipients) {
      const id = reminderId([caseId, kind, subjectId, subjectTime, offsetMs, recipientUserId]);
      out.push({
        reminderId: id,
        caseId,
        kind,
        subjectId,
        recipientUserId,
        subjectTime,
        offsetMs,
        dueAt,
        deadline,
        payload,
      });
    }
  };

  const released = state.status === 'released';
  for (const hearing of Object.values(state.hearings)) {
    if (hearing.status !== 'scheduled') continue;
    if (released && CUSTODY_HEARINGS.includes(hearing.kind)) continue;
    const at = Date.parse(hearing.scheduledAt);
    const payload: ReminderPayload = {
      kind: 'hearing',
      caseId,
      hearingId: hearing.hearingId,
      hearingKind: hearing.kind,
      court: hearing.court,
      scheduledAt: new Date(at).toISOString(),
      scheduledAtPrecision: hearing.scheduledAtPrecision ?? 'exact',
    };
    for (const offset of rules.hearingOffsetsMs) {
      add('hearing', hearing.hearingId, at, offset, at - offset, at, lawyers, payload);
    }
  }

  const deadlines = ruleSets.flatMap((set) => deadlinesOf(state, set));
  const covered = (fact: Deadline['fact']): boolean => deadlines.some((deadline) => deadline.fact === fact);
  for (const deadline of deadlines) {
    const due = Date.parse(deadline.dueAt);
    const subject = `${deadline.ruleSetId}:${deadline.ruleId}:${deadline.subjectId}`;
    const payload: ReminderPayload = {
      kind: 'rule_deadline',
      caseId,
      ruleSetId: deadline.ruleSetId,
      ruleId: deadline.ruleId,
      dueAt: deadline.dueAt,
      precision: deadline.precision,
      name: deadline.name,
      article: deadline.source.article,
      url: deadline.source.url,
    };
    if (deadline.remind === 'coordinators') {
      add('rule_deadline', subject, due, 0, due, null, coordinators, payload);
      continue;
    }
    for (const offset of [...rules.measureOffsetsMs, 0]) {
      add('rule_deadline', subject, due, offset, due - offset, due, lawyers, payload);
    }
  }

  if (state.measure?.until && !covered('measure')) {
    const until = Date.parse(state.measure.until);
    const payload: ReminderPayload = {
      kind: 'measure_ending',
      caseId,
      measure: state.measure.measure,
      until: new Date(until).toISOString(),
    };
    for (const offset of rules.measureOffsetsMs) {
      add('measure_ending', 'measure', until, offset, until - offset, until, lawyers, payload);
    }
  }

  for (const complaint of Object.values(state.complaints)) {
    if (complaint.status !== 'awaiting' || !complaint.responseDueAt) continue;
    const due = Date.parse(complaint.responseDueAt);
    const payload: ReminderPayload = {
      kind: 'complaint_overdue',
      caseId,
      complaintId: complaint.complaintId,
      filedWith: complaint.filedWith,
      responseDueAt: new Date(due).toISOString(),
    };
    add('complaint_overdue', complaint.complaintId, due, 0, due, null, lawyers, payload);
  }

  const after = rules.escalationAfterMs;
  const waiting = escalationSince(state);
  if (waiting.unlocated !== null) {
    const since = waiting.unlocated;
    const payload: ReminderPayload = { kind: 'escalation_missing', caseId, since: new Date(since).toISOString() };
    add('escalation_missing', 'whereabouts', since, after, since + after, null, coordinators, payload);
  }
  if (waiting.noLawyer !== null) {
    const since = waiting.noLawyer;
    const payload: ReminderPayload = { kind: 'escalation_no_lawyer', caseId, since: new Date(since).toISOString() };
    add('escalation_no_lawyer', 'custody', since, after, since + after, null, coordinators, payload);
  }
  const term = administrativeTerm(state);
  if (term.awaitingRelease && term.expectedReleaseAt !== null && !covered('administrative_sanction')) {
    const end = Date.parse(term.expectedReleaseAt);
    const payload: ReminderPayload = {
      kind: 'escalation_term_ended',
      caseId,
      expectedReleaseAt: term.expectedReleaseAt,
      ...(term.expectedReleasePrecision === null ? {} : { expectedReleasePrecision: term.expectedReleasePrecision }),
    };
    add('escalation_term_ended', 'administrative_term', end, 0, end, null, coordinators, payload);
  }
  return out;
}
