import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the `cases` heap narrow: a row's `detail` document (about two thirds of it, read only by the GET of one case)
 * is stored out of line once the row passes 1 KB, instead of only past the default 2 KB, so that the list, its
 * filters and the statistics, which read every row of a period, read half the pages. The summary's own columns stay
 * in line. Rows written before move out as they are next written, or all at once by a projection rebuild (the
 * shadow schema copies the table's storage parameters).
 */
export class CasesToastTarget1764000001430 implements MigrationInterface {
  name = 'CasesToastTarget1764000001430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases SET (toast_tuple_target = 1024)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.cases RESET (toast_tuple_target)`);
  }
}
