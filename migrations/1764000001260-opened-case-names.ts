import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The names of cases opened but not yet projected, written by the write path after the append so that duplicate
 * detection sees a case at once (libs/read-model opened-case-names). In `public`, not `read_model`: a rebuild swaps
 * that schema, and these rows describe what the live projector has not reached.
 */
/** pg_trgm's `<%` and `%>`. */
const WORD_SIMILARITY_OPERATORS = ['word_similarity_op', 'word_similarity_commutator_op'];

export class OpenedCaseNames1764000001260 implements MigrationInterface {
  name = 'OpenedCaseNames1764000001260';

  async up(q: QueryRunner): Promise<void> {
    // The columns duplicate detection and the case list's access rule read, named as in read_model.cases.
    await q.query(`
      CREATE TABLE public.opened_case_names (
        case_id       uuid PRIMARY KEY,
        position      bigint      NOT NULL,
        version       integer     NOT NULL,
        full_name     text        NOT NULL,
        name_variants text[]      NOT NULL,
        name_keys     text        NOT NULL,
        city          text,
        lawyer_ids    uuid[]      NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // The projector deletes by position; a projector far behind leaves many rows, which the trigram index still finds.
    // No fast update: rows come and go all day, and a GIN pending list would be scanned row by row by every query.
    await q.query(`CREATE INDEX opened_case_names_position_idx ON public.opened_case_names (position)`);
    await q.query(
      `CREATE INDEX opened_case_names_keys_idx ON public.opened_case_names USING gin (name_keys gin_trgm_ops) WITH (fastupdate = off)`,
    );
    // Word similarity costs microseconds a row, not PostgreSQL's default for a C function: told the truth, the
    // planner reaches for the trigram index rather than scanning a few hundred just-opened names (9 ms for 1,000
    // rows scanned, 0.6 ms through the index, measured). It only makes the operators' index more attractive.
    for (const fn of WORD_SIMILARITY_OPERATORS) await q.query(`ALTER FUNCTION ${fn}(text, text) COST 100`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of WORD_SIMILARITY_OPERATORS) await q.query(`ALTER FUNCTION ${fn}(text, text) COST 1`);
    await q.query(`DROP TABLE public.opened_case_names`);
  }
}
