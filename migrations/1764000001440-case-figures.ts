import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics add up per case (libs/read-model projection/case-figures.ts): held hearings, their recorded
 * durations, whether the defendant was heard and the lawyer present; complaints filed, answered by an investigation
 * or a refusal, and the due times of those awaiting an answer; the titles given with the active charges' articles.
 * On the case's row, the statistics read each case once instead of joining its hearings and complaints.
 * NULL for rows written before (counted as none): a projection rebuild fills them.
 */
export class CaseFigures1764000001440 implements MigrationInterface {
  name = 'CaseFigures1764000001440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE read_model.cases
        ADD COLUMN held_hearings integer,
        ADD COLUMN held_minutes integer[],
        ADD COLUMN defendant_heard_known integer,
        ADD COLUMN defendant_heard integer,
        ADD COLUMN lawyer_present_known integer,
        ADD COLUMN lawyer_present integer,
        ADD COLUMN complaints_filed integer,
        ADD COLUMN complaints_investigation_opened integer,
        ADD COLUMN complaints_refused integer,
        ADD COLUMN complaint_due_at timestamptz[],
        ADD COLUMN article_titles text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE read_model.cases
        DROP COLUMN held_hearings, DROP COLUMN held_minutes, DROP COLUMN defendant_heard_known,
        DROP COLUMN defendant_heard, DROP COLUMN lawyer_present_known, DROP COLUMN lawyer_present,
        DROP COLUMN complaints_filed, DROP COLUMN complaints_investigation_opened, DROP COLUMN complaints_refused,
        DROP COLUMN complaint_due_at, DROP COLUMN article_titles`);
  }
}
