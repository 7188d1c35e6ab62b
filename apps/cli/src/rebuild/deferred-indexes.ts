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
 * the trigram index on the other core instead of alone after all of them. Each table's `ANALYZE` (seconds too) waits
 * for every index (it also counts the values of index expressions, `lower(city)` among them) and then runs on the
 * first free connection, beside a job still running rather than after it.
 */
export async function buildIndexes(
  pool: Pool,
  schema: string,
  definitions: readonly string[],
  jobs: readonly BuilderJob[] = [],
): Promise<void> {
  const s = quoteSchema(schema);
  const sorted = [...definitions].sort(
    (a, b) => Number(b.includes('gin_trgm_ops')) - Number(a.includes('gin_trgm_ops')),
  );
  // The builds started so far. A table's statistics are queued after every build, so all have started by then.
  const started: Array<Promise<unknown>> = [];
  const index =
    (definition: string): BuilderJob =>
    async (client) => {
      const built = client.query(definition);
      started.push(built);
      await built;
    };
  const analyze =
    (table: string): BuilderJob =>
    async (client) => {
      await Promise.all(started);
      await client.query(`ANALYZE ${s}.${table}`);
    };
  const queue: BuilderJob[] = [
    ...sorted.slice(0, 1).map(index),
    ...jobs,
    ...sorted.slice(1).map(index),
    ...['cases', 'hearings', 'complaints'].map(analyze),
  ];
  const builder = (): Promise<void> =>
    withClient(pool, async (client) => {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await next(client);
    });
  await Promise.all(Array.from({ length: BUILDERS }, builder));
}
