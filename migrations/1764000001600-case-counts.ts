import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNT_KEY, contributionsOf } from '../libs/read-model/src/projection/case-counts';

/**
 * The statistics' counts kept current with the cases (libs/read-model projection/case-counts.ts describes the rows):
 * statistics over every case with a period then add up pre-counted rows instead of reading every case of the period.
 * The projector moves the counts in the transaction that changes the cases; a rebuild counts its cases once at the
 * end. Filled here from the rows already projected, by the same definition.
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.case_counts`);
  }
}
