import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders gain the deadlines of the rule sets (RULE_SETS, rules/<id>.json): kind `rule_deadline`. */
const KINDS = [
  `'hearing'`,
  `'measure_ending'`,
  `'complaint_overdue'`,
  `'escalation_missing'`,
  `'escalation_no_lawyer'`,
  `'escalation_term_ended'`,
  `'rule_deadline'`,
];

export class RuleDeadlineReminders1764000001830 implements MigrationInterface {
  name = 'RuleDeadlineReminders1764000001830';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${KINDS.join(', ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE kind = 'rule_deadline'`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${KINDS.slice(0, -1).join(', ')}))`,
    );
  }
}
