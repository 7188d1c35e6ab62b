import type { ClientBase } from 'pg';
import { inClientTransaction } from '@casetrack/event-store';
import { quoteSchema } from './read-model-schema';

/**
 * `case_counts` (migration 1764000001600): what every case adds to the statistics, summed per detention bucket, city
 * and closed state, so that statistics over the cases everyone may see add up a few thousand rows instead of reading
 * every case of the period. Triggers on `cases` keep them current with every statement that changes the cases,
 * whoever writes them, in that statement's transaction. The figures are those of `GET /v1/stats` (see
 * stats-statements.ts), one row per value:
 *
 * - `grain` places the case's first detention for `detainedWithin` (queries/filters.ts). Known to the minute or
 *   approximately: the case counts twice, under its UTC hour (`h`) and its UTC day (`d`), both in `bucket`; a period
 *   whose ends are whole UTC hours (any whole-hour zone) is then whole days in its middle and hours at its ends.
 *   Known to the day, month or year: `c`, with the writer's calendar period in `detained_on`/`detained_until`.
 *   Otherwise (unknown time, no detention): `n`, counted only when no period is asked. Without a period the grains
 *   `d`, `c` and `n` hold every case once.
 * - `kind`, `k1..k3`: `status`, `city` (as written: the query groups them as the live statement does), `facility`
 *   (its city as written, code and name trimmed), `death` (circumstances), `role`, `method`, `cause`, `article`,
 *   `title`, `minutes` (a held hearing's duration: the median stays exact), `due` (an awaiting complaint's due time as
 *   epoch seconds: overdue is decided when asked) and `sum` (k1 names a per-case figure, `n` is its value).
 *
 * Merged duplicates add nothing. Rows are kept only while `n` is not zero, so that a schema maintained change by
 * change holds the same rows as one counted at once (the rebuild's equality test compares them).
 */
export const COUNT_KEY = 'grain, bucket, detained_on, detained_until, city, closed, kind, k1, k2, k3';

const INSTANT = `c.detained_precision IN ('exact', 'approximate') AND c.detained_at IS NOT NULL`;

/**
 * The per-case figures summed by the statistics (NULL in rows projected before they existed: none), by the name of
 * their sum and the per-case value summed. One list for the counts' `sum` rows here and the live statement's sums
 * (stats-statements.ts), so that both add up the same values under the same names.
 */
export const SUMMED_FIGURES = [
  ['allegations', 'coalesce(c.torture_allegations, 0)'],
  ['deaths', 'CASE WHEN c.deceased THEN 1 ELSE 0 END'],
  ['held', 'coalesce(c.held_hearings, 0)'],
  ['defendant_heard_known', 'coalesce(c.defendant_heard_known, 0)'],
  ['defendant_heard', 'coalesce(c.defendant_heard, 0)'],
  ['lawyer_present_known', 'coalesce(c.lawyer_present_known, 0)'],
  ['lawyer_present', 'coalesce(c.lawyer_present, 0)'],
  ['complaints_filed', 'coalesce(c.complaints_filed, 0)'],
  ['complaints_investigation_opened', 'coalesce(c.complaints_investigation_opened, 0)'],
  ['complaints_refused', 'coalesce(c.complaints_refused, 0)'],
  ['complaints_awaiting', 'coalesce(c.open_complaints, 0)'],
] as const satisfies ReadonlyArray<readonly [figure: string, value: string]>;

export type SummedFigure = (typeof SUMMED_FIGURES)[number][0];

/**
 * The rows the cases of `source` (a table expression of `cases` rows) add, unsummed: `COUNT_KEY` and `n`. One text
 * for the migration's fill, the rebuild's count and the projector's changes, so the three can never disagree.
 */
export function contributionsOf(source: string): string {
  const sums = SUMMED_FIGURES.map(([figure, value]) => `('${figure}', ${value})`).join(', ');
  return `SELECT g.grain, g.bucket, g.detained_on, g.detained_until, c.city, c.closed, v.kind, v.k1, v.k2, v.k3, v.n
            FROM ${source} c
            CROSS JOIN LATERAL (
              SELECT 'h' AS grain, date_trunc('hour', c.detained_at, 'UTC') AS bucket,
                     NULL::date AS detained_on, NULL::date AS detained_until WHERE ${INSTANT}
              UNION ALL SELECT 'd', date_trunc('day', c.detained_at, 'UTC'), NULL, NULL WHERE ${INSTANT}
              UNION ALL SELECT 'c', NULL, c.detained_on, c.detained_until
                         WHERE NOT (${INSTANT}) AND c.detained_on IS NOT NULL
              UNION ALL SELECT 'n', NULL, NULL, NULL WHERE NOT (${INSTANT}) AND c.detained_on IS NULL
            ) g
            CROSS JOIN LATERAL (
              SELECT 'status' AS kind, c.status AS k1, NULL::text AS k2, NULL::text AS k3, 1 AS n
              UNION ALL SELECT 'city', c.city, NULL, NULL, 1
              UNION ALL SELECT 'facility', f.city, f.code, f.name, 1
                          FROM (SELECT c.current_facility->>'city' AS city,
                                       nullif(trim(c.current_facility->>'code'), '') AS code,
                                       nullif(trim(c.current_facility->>'name'), '') AS name) f
                         WHERE coalesce(f.code, f.name) IS NOT NULL
              UNION ALL SELECT 'death', c.death_circumstances, NULL, NULL, 1 WHERE c.death_circumstances <> 'unknown'
              UNION ALL SELECT 'role', r, NULL, NULL, 1 FROM unnest(c.public_roles) r
              UNION ALL SELECT 'method', m, NULL, NULL, 1 FROM unnest(c.torture_methods) m
              UNION ALL SELECT 'cause', k, NULL, NULL, 1 FROM unnest(c.death_causes) k WHERE c.deceased AND k <> 'unknown'
              UNION ALL SELECT 'article', a, NULL, NULL, 1 FROM unnest(c.articles) a
              UNION ALL SELECT 'title', t, NULL, NULL, 1 FROM unnest(c.article_titles) t
              UNION ALL SELECT 'minutes', d::text, NULL, NULL, 1 FROM unnest(c.held_minutes) d
              UNION ALL SELECT 'due', extract(epoch FROM due)::text, NULL, NULL, 1 FROM unnest(c.complaint_due_at) due
              UNION ALL SELECT 'sum', s.figure, NULL, NULL, s.n FROM (VALUES ${sums}) s(figure, n) WHERE s.n <> 0
            ) v
           WHERE c.merged_into IS NULL AND v.k1 IS NOT NULL`;
}

/**
 * Counts every case of the schema afresh (the rebuild, once its tables are filled), in a transaction of its own.
 * The new table has no statistics yet, so the planner guesses: it sorted the ~20 values of every case on disk to
 * group them, put a cache that is never hit in front of the per-case expansions and compiled the statement to machine
 * code. Grouping in memory by hash instead, without the other two, takes 3 s rather than 7–10 s at 100,000 cases.
 */
export async function recountCases(client: ClientBase, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  await inClientTransaction(client, async () => {
    await client.query(
      "SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off; SET LOCAL enable_memoize = off; SET LOCAL jit = off",
    );
    await client.query(`DELETE FROM ${s}.case_counts`);
    await client.query(
      `INSERT INTO ${s}.case_counts (${COUNT_KEY}, n)
       SELECT ${COUNT_KEY}, sum(n) FROM (${contributionsOf(`${s}.cases`)}) x GROUP BY ${COUNT_KEY} HAVING sum(n) <> 0`,
    );
  });
}

/**
 * The trigger function that moves the counts with every statement on a schema's `cases` (the schema it fires in: a
 * shadow schema renamed into place goes on counting its own table). Statement triggers with transition tables: one
 * statement per statement on `cases` however many rows it changed, the rows removed (`old_rows`) counted out and the
 * rows written (`new_rows`) counted in, only the differences written, and a count that falls to zero removed. It is
 * `contributionsOf` as it stood when the migration that created it ran: a change to that definition comes with a
 * migration that creates the function again and counts again.
 */
export function countingFunctionDefinition(): string {
  const moves = (out: boolean, into: boolean): string => {
    const parts = [
      ...(out ? [`SELECT ${COUNT_KEY}, -n AS n FROM (${contributionsOf('old_rows')}) o`] : []),
      ...(into ? [`SELECT ${COUNT_KEY}, n FROM (${contributionsOf('new_rows')}) i`] : []),
    ];
    // The key's columns, not its name: a shadow schema's copy of the constraint has a name of its own.
    const text = `WITH moved AS (
             INSERT INTO %1$I.case_counts AS t (${COUNT_KEY}, n)
             SELECT ${COUNT_KEY}, sum(n) FROM (${parts.join(' UNION ALL ')}) d
              GROUP BY ${COUNT_KEY} HAVING sum(n) <> 0
             ON CONFLICT (${COUNT_KEY}) DO UPDATE SET n = t.n + EXCLUDED.n
             RETURNING t.ctid, t.n)
           SELECT array_agg(ctid) FILTER (WHERE n = 0) FROM moved`;
    // format() reads every % as its own: the schema is its one argument, and nothing else may hold one.
    if (text.replace('%1$I', '').includes('%')) throw new RangeError('The counting statement may not hold %');
    return `$moves$${text}$moves$`;
  };
  return `CREATE OR REPLACE FUNCTION public.count_case_changes() RETURNS trigger LANGUAGE plpgsql AS $counting$
    DECLARE
      emptied tid[];
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('DELETE FROM %I.case_counts', TG_TABLE_SCHEMA);
        RETURN NULL;
      ELSIF TG_OP = 'INSERT' THEN
        EXECUTE format(${moves(false, true)}, TG_TABLE_SCHEMA) INTO emptied;
      ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format(${moves(true, true)}, TG_TABLE_SCHEMA) INTO emptied;
      ELSE
        EXECUTE format(${moves(true, false)}, TG_TABLE_SCHEMA) INTO emptied;
      END IF;
      IF emptied IS NOT NULL THEN
        EXECUTE format('DELETE FROM %I.case_counts WHERE ctid = ANY($1) AND n = 0', TG_TABLE_SCHEMA) USING emptied;
      END IF;
      RETURN NULL;
    END
  $counting$`;
}

/** Whatever runs a statement: a pg client, or a migration's query runner. */
export interface SqlRunner {
  query(text: string): Promise<unknown>;
}

/** The triggers on `cases` that keep `case_counts` current, and the statements they follow. */
const COUNTING_TRIGGERS: ReadonlyArray<[name: string, event: (cases: string) => string]> = [
  ['cases_counted_insert', (cases) => `INSERT ON ${cases} REFERENCING NEW TABLE AS new_rows`],
  ['cases_counted_update', (cases) => `UPDATE ON ${cases} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows`],
  ['cases_counted_delete', (cases) => `DELETE ON ${cases} REFERENCING OLD TABLE AS old_rows`],
  ['cases_counted_truncate', (cases) => `TRUNCATE ON ${cases}`],
];

/**
 * Creates the counting triggers on a schema's `cases`: the migration on the live schema, `createShadowSchema` on a
 * copy (a table copied with LIKE has none). Needs `public.count_case_changes` (migration 1764000001600).
 */
export async function installCounting(client: SqlRunner, schema: string): Promise<void> {
  const cases = `${quoteSchema(schema)}.cases`;
  for (const [name, event] of COUNTING_TRIGGERS) {
    await client.query(
      `CREATE TRIGGER ${name} AFTER ${event(cases)} FOR EACH STATEMENT EXECUTE FUNCTION public.count_case_changes()`,
    );
  }
}

/**
 * Pauses or resumes the counting on a schema's `cases`: a rebuild fills its tables uncounted, counts them at once
 * (`recountCases`) and resumes, so that its later writes are counted as the live projector's are.
 */
export async function setCounting(client: ClientBase, schema: string, on: boolean): Promise<void> {
  const cases = `${quoteSchema(schema)}.cases`;
  for (const [name] of COUNTING_TRIGGERS) {
    await client.query(`ALTER TABLE ${cases} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`);
  }
}
