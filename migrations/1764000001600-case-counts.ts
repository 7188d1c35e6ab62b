import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  COUNT_KEY,
  contributionsOf,
  countingFunctionDefinition,
  installCounting,
} from '../libs/read-model/src/projection/case-counts';

/**
 * The statistics' counts kept current with the cases (libs/read-model projection/case-counts.ts describes the rows):
 * statistics over every case with a period then add up pre-counted rows instead of reading every case of the period.
 * Statement triggers on `cases` move the counts in the transaction that changes the cases, whoever changes them; a
 * rebuild pauses them, counts its cases once and resumes them. Filled here from the rows already projected, by the
 * same definition.
 *
 * The key holds NULLs (a case without a city, a grain without a bucket): they are one value here, not distinct.
 */
export class CaseCounts1764000001600 implements MigrationInterface {
  name = 'CaseCounts1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.case_counts (
        grain          text        NOT NULL,
        bucket         timestamptz,
        detained_on    date,
        detained_until date,
        city           text,
        closed         boolean     NOT NULL,
        kind           text        NOT NULL,
        k1             text        NOT NULL,
        k2             text,
        k3             text,
        n              integer     NOT NULL,
        CONSTRAINT case_counts_key UNIQUE NULLS NOT DISTINCT
          (grain, bucket, detained_on, detained_until, city, closed, kind, k1, k2, k3)
      )`);
    await q.query(
      `INSERT INTO read_model.case_counts (${COUNT_KEY}, n)
       SELECT ${COUNT_KEY}, sum(n) FROM (${contributionsOf('read_model.cases')}) x
        GROUP BY ${COUNT_KEY} HAVING sum(n) <> 0`,
    );
    await q.query(countingFunctionDefinition());
    await installCounting(q, 'read_model');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await q.query(`DROP TRIGGER cases_counted_${event} ON read_model.cases`);
    }
    await q.query(`DROP FUNCTION public.count_case_changes()`);
    await q.query(`DROP TABLE read_model.case_counts`);
  }
}
