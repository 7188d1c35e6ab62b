import type { Pool } from 'pg';
import { inTransaction } from '@casetrack/event-store';
import { installCounting } from './case-counts';
import { READ_MODEL_SCHEMA, READ_MODEL_TABLES, quoteSchema } from './read-model-schema';

/**
 * Creates an empty schema with the same tables, constraints, indexes and triggers as the live read models, for a projector
 * to fill from the start of the feed (a rebuild, or a check against the live tables). Replaces any schema of that
 * name; refuses to touch the live one.
 */
export async function createShadowSchema(pool: Pool, schema: string): Promise<void> {
  if (schema === READ_MODEL_SCHEMA) throw new RangeError('The live read-model schema is not a shadow');
  const target = quoteSchema(schema);
  const live = quoteSchema(READ_MODEL_SCHEMA);
  await inTransaction(pool, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${target} CASCADE`);
    await client.query(`CREATE SCHEMA ${target}`);
    for (const table of READ_MODEL_TABLES) {
      await client.query(`CREATE TABLE ${target}.${table} (LIKE ${live}.${table} INCLUDING ALL)`);
      // LIKE copies no storage parameters (cases' toast_tuple_target): copied here, or a swap would drop them.
      const { rows } = await client.query<{ options: string[] | null }>(
        `SELECT reloptions AS options FROM pg_class WHERE oid = to_regclass($1)`,
        [`${live}.${table}`],
      );
      const options = rows[0]?.options ?? null;
      if (options !== null) await client.query(`ALTER TABLE ${target}.${table} SET (${options.join(', ')})`);
    }
    // Nor triggers: the statistics' counts are kept by those on `cases`.
    await installCounting(client, schema);
  });
}
