import type { ClientBase, Pool } from 'pg';
import { type CaseState, type Deadline, deadlinesOf, type RuleSet } from '@casetrack/domain';
import { desiredReminders } from '../rules/desired-reminders';
import { loadRuleSets } from '../rules/rule-sets';
import type { DesiredReminder, ReminderRules, ReminderState } from '../rules/reminder-types';
import { type ExistingReminder, planReminders, type ReminderPlan } from './plan-reminders';

export type Queryable = ClientBase | Pool;

/**
 * Keeps a case's rows in `reminders` equal to what its state calls for, inside the caller's transaction (the
 * projector's, with its checkpoint). Idempotent: the same state applied twice changes nothing, and reminder ids are
 * derived, so a replay upserts the rows it already wrote. Sent and failed rows are never touched; a row the worker
 * marks sent while this runs stays sent (every update re-checks the state it expects).
 */
export class ReminderProjection {
  /** Read when the projection is built, at start: a missing or invalid rule set stops the process (RuleSetError). */
  private readonly ruleSets: readonly RuleSet[];

  constructor(
    private readonly rules: ReminderRules,
    ruleSets?: readonly RuleSet[],
  ) {
    this.ruleSets = ruleSets ?? loadRuleSets(rules.ruleSets ?? []);
  }

  async apply(client: Queryable, caseId: string, state: CaseState, now = Date.now()): Promise<void> {
    await this.applyAll(client, new Map([[caseId, state]]), now);
  }

  /** The same for every case of a projector batch, in a fixed number of statements whatever the batch's size. */
  async applyAll(client: Queryable, states: ReadonlyMap<string, CaseState>, now = Date.now()): Promise<void> {
    if (states.size === 0) return;
    const coordinators = await client.query<{ id: string }>(
      `SELECT id FROM users WHERE role = 'coordinator' AND disabled_at IS NULL ORDER BY id`,
    );
    const coordinatorIds = coordinators.rows.map((row) => row.id);
    const existing = await client.query<{ id: string; case_id: string; state: ReminderState; due_at: Date }>(
      `SELECT id, case_id, state, due_at FROM reminders WHERE case_id = ANY($1::uuid[])`,
      [[...states.keys()]],
    );
    const existingByCase = new Map<string, ExistingReminder[]>();
    for (const row of existing.rows) {
      const reminder = { id: row.id, state: row.state, dueAt: row.due_at.getTime() };
      const list = existingByCase.get(row.case_id);
      if (list) list.push(reminder);
      else existingByCase.set(row.case_id, [reminder]);
    }
    const all: ReminderPlan = { insert: [], revive: [], move: [], cancel: [] };
    const deadlines: Array<{ caseId: string; deadline: Deadline }> = [];
    for (const [caseId, state] of states) {
      for (const set of this.ruleSets)
        for (const deadline of deadlinesOf(state, set)) deadlines.push({ caseId, deadline });
      const desired = desiredReminders(caseId, state, this.rules, coordinatorIds, this.ruleSets);
      const rows = existingByCase.get(caseId) ?? [];
      if (desired.length === 0 && rows.length === 0) continue;
      const plan = planReminders(rows, desired, now);
      all.insert.push(...plan.insert);
      all.revive.push(...plan.revive);
      all.move.push(...plan.move);
      all.cancel.push(...plan.cancel);
    }
    await this.keepDeadlines(client, [...states.keys()], deadlines);
    if (all.insert.length) {
      await client.query(
        `INSERT INTO reminders (id, case_id, kind, subject_id, recipient_user_id, offset_ms, due_at, state, payload)
         SELECT v.id, v.case_id, v.kind, v.subject_id, v.recipient_user_id, v.offset_ms, v.due_at, 'pending', v.payload
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, case_id uuid, kind text, subject_id text,
                recipient_user_id uuid, offset_ms bigint, due_at timestamptz, payload jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(all.insert.map(toRecord))],
      );
    }
    if (all.revive.length) await this.reschedule(client, all.revive, ['cancelled']);
    if (all.move.length) await this.reschedule(client, all.move, ['pending', 'queued']);
    if (all.cancel.length) {
      await client.query(
        `UPDATE reminders SET state = 'cancelled', updated_at = now()
          WHERE id = ANY($1::uuid[]) AND state IN ('pending', 'queued')`,
        [all.cancel],
      );
    }
  }

  /** The batch's cases' rows in `case_deadlines` become exactly the deadlines their states have now. */
  private async keepDeadlines(
    client: Queryable,
    caseIds: string[],
    deadlines: ReadonlyArray<{ caseId: string; deadline: Deadline }>,
  ): Promise<void> {
    await client.query(`DELETE FROM case_deadlines WHERE case_id = ANY($1::uuid[])`, [caseIds]);
    if (deadlines.length === 0) return;
    const records = deadlines.map(({ caseId, deadline: d }) => ({
      case_id: caseId,
      rule_set_id: d.ruleSetId,
      rule_set_version: d.ruleSetVersion,
      rule_id: d.ruleId,
      fact: d.fact,
      subject_id: d.subjectId,
      remind: d.remind,
      from_at: d.from,
      due_at: d.dueAt,
      precision: d.precision,
      name: d.name,
      source: d.source,
    }));
    await client.query(
      `INSERT INTO case_deadlines (case_id, rule_set_id, rule_set_version, rule_id, fact, subject_id, remind, from_at,
                                   due_at, precision, name, source)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(case_id uuid, rule_set_id text, rule_set_version text,
              rule_id text, fact text, subject_id text, remind text, from_at timestamptz, due_at timestamptz,
              precision text, name jsonb, source jsonb)`,
      [JSON.stringify(records)],
    );
  }

  /** Pending at the reminder's due time; the dispatcher queues it again with a job id naming that time. */
  private async reschedule(client: Queryable, reminders: DesiredReminder[], from: ReminderState[]): Promise<void> {
    await client.query(
      `UPDATE reminders r
          SET state = 'pending', due_at = v.due_at, payload = v.payload, queued_at = NULL, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, due_at timestamptz, payload jsonb)
        WHERE r.id = v.id AND r.state = ANY($2::text[])`,
      [JSON.stringify(reminders.map(toRecord)), from],
    );
  }
}

function toRecord(d: DesiredReminder) {
  return {
    id: d.reminderId,
    case_id: d.caseId,
    kind: d.kind,
    subject_id: d.subjectId,
    recipient_user_id: d.recipientUserId,
    offset_ms: d.offsetMs,
    due_at: new Date(d.dueAt).toISOString(),
    payload: d.payload,
  };
}

/** The projector's batch hook that keeps reminders in its batch transaction (see CaseProjectorOptions.batchHooks). */
export function reminderProjectionHook(
  rules: ReminderRules,
  ruleSets?: readonly RuleSet[],
): (client: ClientBase, states: ReadonlyMap<string, CaseState>) => Promise<void> {
  const projection = new ReminderProjection(rules, ruleSets);
  return (client, states) => projection.applyAll(client, states);
}
