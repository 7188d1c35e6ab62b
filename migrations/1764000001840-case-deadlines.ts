import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadlines of the rule sets (RULE_SETS) each case has now, kept by the reminder projection in the projector's
 * transaction beside the reminder rows, with the same lifecycle (derived from the folded state, replaced on every
 * projection of the case). The case detail, the agenda and the escalation queue read them. No free text: the rule's
 * names and source are labels of the rule set file.
 */
export class CaseDeadlines1764000001840 implements MigrationInterface {
  name = 'CaseDeadlines1764000001840';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_deadlines (
        case_id uuid NOT NULL,
        rule_set_id text NOT NULL,
        rule_set_version text NOT NULL,
        rule_id text NOT NULL,
        fact text NOT NULL,
        subject_id text NOT NULL,
        remind text NOT NULL CHECK (remind IN ('lawyers', 'coordinators')),
        from_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        precision text NOT NULL,
        name jsonb NOT NULL,
        source jsonb NOT NULL,
        PRIMARY KEY (case_id, rule_set_id, rule_id)
      )`);
    await q.query(`CREATE INDEX case_deadlines_due_idx ON case_deadlines (due_at, remind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_deadlines`);
  }
}
