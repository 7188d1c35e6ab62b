import type { Deadline, Names, OccurredAtPrecision, Remind, RuleSource } from '@casetrack/domain';
import { isoOf } from './sql';

/** A deadline of the rule sets as the reads answer it (case_deadlines, kept by the reminder projection). */
export interface CaseDeadline {
  ruleSetId: string;
  ruleSetVersion: string;
  ruleId: string;
  fact: Deadline['fact'];
  /** The time it counts from. */
  from: string;
  dueAt: string;
  precision: OccurredAtPrecision;
  remind: Remind;
  name: Names;
  source: RuleSource;
  overdue: boolean;
}

/** A row of case_deadlines as json_build_object gives it (times as PostgreSQL prints them). */
export interface CaseDeadlineRow {
  rule_set_id: string;
  rule_set_version: string;
  rule_id: string;
  fact: Deadline['fact'];
  from_at: string | Date;
  due_at: string | Date;
  precision: OccurredAtPrecision;
  remind: Remind;
  name: Names;
  source: RuleSource;
}

/** The columns of one case_deadlines row `d` as a JSON object, for statements that aggregate them. */
export const DEADLINE_JSON = `json_build_object('rule_set_id', d.rule_set_id, 'rule_set_version', d.rule_set_version,
  'rule_id', d.rule_id, 'fact', d.fact, 'from_at', d.from_at, 'due_at', d.due_at, 'precision', d.precision,
  'remind', d.remind, 'name', d.name, 'source', d.source)`;

export function toCaseDeadline(row: CaseDeadlineRow, now: number = Date.now()): CaseDeadline {
  const dueAt = isoOf(row.due_at);
  return {
    ruleSetId: row.rule_set_id,
    ruleSetVersion: row.rule_set_version,
    ruleId: row.rule_id,
    fact: row.fact,
    from: isoOf(row.from_at),
    dueAt,
    precision: row.precision,
    remind: row.remind,
    name: row.name,
    source: row.source,
    overdue: Date.parse(dueAt) <= now,
  };
}
