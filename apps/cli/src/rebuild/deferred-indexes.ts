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

/** Builds the indexes back from their definitions, then gives the planner statistics for the new tables. */
export async function buildIndexes(pool: Pool, schema: string, definitions: readonly string[]): Promise<void> {
  // One connection, so that the memory setting applies to every build.
  await withClient(pool, async (client) => {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const definition of definitions) await client.query(definition);
    await client.query(
      `ANALYZE ${quoteSchema(schema)}.cases, ${quoteSchema(schema)}.hearings, ${quoteSchema(schema)}.complaints`,
    );
  });
}
