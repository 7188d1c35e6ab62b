import type { ClientBase } from 'pg';
import { quoteSchema } from './read-model-schema';
import type { CaseRow } from './views';

/**
 * `case_counts` (migration 1764000001600): what every case adds to the statistics, summed per detention bucket, city
 * and closed state, so that statistics over the cases everyone may see add up a few thousand rows instead of reading
 * every case of the period. The figures are those of `GET /v1/stats` (see stats-statements.ts), one row per value:
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
 * The per-case figures summed by the statistics (NULL in rows projected before they existed: none), named as the
 * live statement names its sums (stats-statements.ts).
 */
const SUMS: ReadonlyArray<[figure: string, value: string]> = [
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
];

/**
 * The rows the cases of `source` (a table expression of `cases` rows) add, unsummed: `COUNT_KEY` and `n`. One text
 * for the migration's fill, the rebuild's count and the projector's changes, so the three can never disagree.
 */
export function contributionsOf(source: string): string {
  const sums = SUMS.map(([figure, value]) => `('${figure}', ${value})`).join(', ');
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

/** Counts every case of the schema afresh (the rebuild, once its tables are filled). */
export async function recountCases(client: ClientBase, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  await client.query(`DELETE FROM ${s}.case_counts`);
  await client.query(
    `INSERT INTO ${s}.case_counts (${COUNT_KEY}, n)
     SELECT ${COUNT_KEY}, sum(n) FROM (${contributionsOf(`${s}.cases`)}) x GROUP BY ${COUNT_KEY} HAVING sum(n) <> 0`,
  );
}

/**
 * The columns `contributionsOf` reads: the next rows travel with these alone (the `detail` document, most of a row,
 * would only be parsed to be dropped). A column read there and missing here reads NULL for the next rows, and the
 * counts then differ from the cases: the statistics' equality test (stats-counts.int-spec.ts) fails.
 */
const COUNTED_COLUMNS: ReadonlyArray<keyof CaseRow> = [
  'merged_into',
  'detained_precision',
  'detained_at',
  'detained_on',
  'detained_until',
  'city',
  'closed',
  'status',
  'current_facility',
  'death_circumstances',
  'deceased',
  'public_roles',
  'torture_methods',
  'death_causes',
  'articles',
  'article_titles',
  'held_minutes',
  'complaint_due_at',
  'torture_allegations',
  'held_hearings',
  'defendant_heard_known',
  'defendant_heard',
  'lawyer_present_known',
  'lawyer_present',
  'complaints_filed',
  'complaints_investigation_opened',
  'complaints_refused',
  'open_complaints',
];

/**
 * Moves the counts from the cases' stored rows to their next ones (`next`: the `cases` rows about to be written; a
 * case of `caseIds` without one is about to be deleted). Runs in the writer's transaction before the rows change: the
 * counts then move with them or not at all. Only the differences are written, and a count that falls to zero is
 * removed.
 */
export async function countCaseChanges(
  client: ClientBase,
  schema: string,
  caseIds: readonly string[],
  next: readonly CaseRow[],
): Promise<void> {
  if (caseIds.length === 0) return;
  const counted = next.map((row) => Object.fromEntries(COUNTED_COLUMNS.map((column) => [column, row[column]])));
  const s = quoteSchema(schema);
  const { rows } = await client.query<{ row: string; n: number }>(
    `INSERT INTO ${s}.case_counts AS t (${COUNT_KEY}, n)
     SELECT ${COUNT_KEY}, sum(n) FROM (
       SELECT ${COUNT_KEY}, -n AS n
         FROM (${contributionsOf(`(SELECT * FROM ${s}.cases WHERE case_id = ANY($1::uuid[]))`)}) stored
       UNION ALL
       SELECT ${COUNT_KEY}, n FROM (${contributionsOf(`jsonb_populate_recordset(NULL::${s}.cases, $2::jsonb)`)}) next
     ) d GROUP BY ${COUNT_KEY} HAVING sum(n) <> 0
     ON CONFLICT (${COUNT_KEY}) DO UPDATE SET n = t.n + EXCLUDED.n
     RETURNING t.ctid::text AS row, t.n`,
    [caseIds, JSON.stringify(counted)],
  );
  const emptied = rows.filter((r) => r.n === 0).map((r) => r.row);
  if (emptied.length > 0) {
    await client.query(`DELETE FROM ${s}.case_counts WHERE ctid = ANY($1::tid[]) AND n = 0`, [emptied]);
  }
}
