import type { Pool, PoolClient } from 'pg';
import { withClient } from '@casetrack/event-store';
import { quoteSchema } from '@casetrack/read-model';

/**
 * The secondary indexes of a freshly created shadow schema: dropped before the rebuild fills the tables and built
 * once at the end, which is much cheaper than maintaining them (trigram and array GIN indexes above all) row by
 * row. Unique indexes stay: the upserts and the per-case deletes of every batch need them.
 */
export async function dropSecondaryIndexes(pool: Pool, schema: string): Promise<string[]> {
  quoteSchema(schema);
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND NOT i.indisunique`,
    [schema],
  );
  for (const row of rows) await pool.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

/** Index builds run on this many connections at once: PostgreSQL builds each on one core, and the machine has two. */
const BUILDERS = 2;

/** Work for an index builder's connection beside the index builds (the rebuild's statistics count). */
export type BuilderJob = (client: PoolClient) => Promise<void>;

/**
 * Builds the indexes back from their definitions, several at a time, then gives the planner statistics for the new
 * tables. The trigram index, by far the slowest, goes first so that the others fill the other connection meanwhile;
 * `jobs` come right after it, so that a job as long as the statistics' count (seconds at 100,000 cases) runs beside
 * the trigram index on the other core instead of alone after all of them.
 */
export async function buildIndexes(
  pool: Pool,
  schema: string,
  definitions: readonly string[],
  jobs: readonly BuilderJob[] = [],
): Promise<void> {
  const sorted = [...definitions].sort(
    (a, b) => Number(b.includes('gin_trgm_ops')) - Number(a.includes('gin_trgm_ops')),
  );
  const queue: Array<string | BuilderJob> = [...sorted.slice(0, 1), ...jobs, ...sorted.slice(1)];
  const builder = (): Promise<void> =>
    withClient(pool, async (client) => {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (typeof next === 'string') await client.query(next);
        else await next(client);
      }
    });
  await Promise.all(Array.from({ length: BUILDERS }, builder));
  await pool.query(
    `ANALYZE ${quoteSchema(schema)}.cases, ${quoteSchema(schema)}.hearings, ${quoteSchema(schema)}.complaints`,
  );
}
