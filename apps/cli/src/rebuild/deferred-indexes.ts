import type { Pool } from 'pg';
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

/**
 * Builds the indexes back from their definitions, several at a time, then gives the planner statistics for the new
 * tables. The trigram index, by far the slowest, goes first so that the others fill the other connection meanwhile.
 */
export async function buildIndexes(pool: Pool, schema: string, definitions: readonly string[]): Promise<void> {
  const queue = [...definitions].sort(
    (a, b) => Number(b.includes('gin_trgm_ops')) - Number(a.includes('gin_trgm_ops')),
  );
  const builder = (): Promise<void> =>
    withClient(pool, async (client) => {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let definition = queue.shift(); definition !== undefined; definition = queue.shift()) {
        await client.query(definition);
      }
    });
  await Promise.all(Array.from({ length: BUILDERS }, builder));
  await pool.query(
    `ANALYZE ${quoteSchema(schema)}.cases, ${quoteSchema(schema)}.hearings, ${quoteSchema(schema)}.complaints`,
  );
}
