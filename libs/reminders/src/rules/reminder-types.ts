import type {
  ComplaintBody,
  HearingKind,
  HearingTimePrecision,
  Measure,
  Names,
  OccurredAtPrecision,
} from '@casetrack/domain';

export const REMINDER_KINDS = [
  'hearing',
  'measure_ending',
  'complaint_overdue',
  'escalation_missing',
  'escalation_no_lawyer',
  'escalation_term_ended',
  'rule_deadline',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_STATES = ['pending', 'queued', 'sent', 'failed', 'cancelled'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/**
 * What a message needs besides the detainee's name (looked up when it is written): ids and labels only. Free
 * text of events (reasons, notes, testimony) never gets here.
 */
export type ReminderPayload =
  | {
      kind: 'hearing';
      caseId: string;
      hearingId: string;
      hearingKind: HearingKind;
      court: string;
      scheduledAt: string;
      /**
       * `day`: only the day is known, and the message says the date alone. Absent in the payloads stored (the
       * `reminders` table) before it existed: exact, as every hearing was then.
       */
      scheduledAtPrecision?: HearingTimePrecision;
    }
  | { kind: 'measure_ending'; caseId: string; measure: Measure; until: string }
  | { kind: 'complaint_overdue'; caseId: string; complaintId: string; filedWith: ComplaintBody; responseDueAt: string }
  | { kind: 'escalation_missing'; caseId: string; since: string }
  | { kind: 'escalation_no_lawyer'; caseId: string; since: string }
  | {
      kind: 'escalation_term_ended';
      caseId: string;
      expectedReleaseAt: string;
      /** How precisely the arrest's start is known (administrativeTerm); `unknown` makes the end "no later than". */
      expectedReleasePrecision?: OccurredAtPrecision;
    }
  | {
      /** A deadline of a rule set (rules/<id>.json): its name in each language and its source are labels, not free text. */
      kind: 'rule_deadline';
      caseId: string;
      ruleSetId: string;
      ruleId: string;
      dueAt: string;
      precision: OccurredAtPrecision;
      name: Names;
      article: string;
      url: string;
    };

/** One reminder the current state of a case calls for. */
export interface DesiredReminder {
  reminderId: string;
  caseId: string;
  kind: ReminderKind;
  /** The hearing, complaint, measure or situation it is about. */
  subjectId: string;
  recipientUserId: string;
  /** The subject's own time (the hearing's date, the measure's end, the start of the situation); part of the id. */
  subjectTime: number;
  /** Before the deadline (hearing, measure); after the start of the situation (escalations); 0 for complaints. */
  offsetMs: number;
  dueAt: number;
  /**
   * When the thing itself happens (the hearing, the end of the measure), for reminders that are pointless once it
   * has passed; null when a late reminder is still worth sending (an overdue answer, an escalation).
   */
  deadline: number | null;
  payload: ReminderPayload;
}

export interface ReminderRules {
  hearingOffsetsMs: readonly number[];
  /** Before a measure's end, and before a rule's deadline that the lawyers are reminded of. */
  measureOffsetsMs: readonly number[];
  escalationAfterMs: number;
  /** RULE_SETS: the rule sets (rules/<id>.json) read when the projection is built; absent or empty: none. */
  ruleSets?: readonly string[];
}
