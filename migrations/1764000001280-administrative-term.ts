import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An administrative arrest's expected release (its start + days), and the same instant while nobody recorded the
 * person's release (`unreleased_term_end`): once it is past the case is flagged `termEnded` and the agenda shows it.
 * Both are NULL for rows written before: a projection rebuild fills them. Reminders gain the coordinators'
 * escalation for such a term.
 */
const KINDS = [
  `'hearing'`,
  `'measure_ending'`,
  `'complaint_overdue'`,
  `'escalation_missing'`,
  `'escalation_no_lawyer'`,
  `'escalation_term_ended'`,
];

export class AdministrativeTerm1764000001280 implements MigrationInterface {
  name = 'AdministrativeTerm1764000001280';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN expected_release_at timestamptz`);
    await q.query(`ALTER TABLE read_model.cases ADD COLUMN unreleased_term_end timestamptz`);
    await q.query(
      `CREATE INDEX cases_unreleased_term_end_idx ON read_model.cases (unreleased_term_end)
        WHERE unreleased_term_end IS NOT NULL`,
    );
    // The coordinators' escalation for such a term.
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${KINDS.join(', ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE kind = 'escalation_term_ended'`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${KINDS.slice(0, -1).join(', ')}))`,
    );
    await q.query(`DROP INDEX read_model.cases_unreleased_term_end_idx`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN unreleased_term_end`);
    await q.query(`ALTER TABLE read_model.cases DROP COLUMN expected_release_at`);
  }
}
