import type { Pool } from 'pg';
import { READ_MODEL_SCHEMA, quoteSchema } from '../projection/read-model-schema';
import { readCheckpoint } from '../projection/write-rows';

/**
 * Every case the read models show as merged, with the checkpoint they include: a merge intent recorded at or before
 * it is among the ids, one after it is in the feed after it. The checkpoint is read first, so rows committed with a
 * later one only add ids. Merged cases are few, so this replaces reading the whole feed.
 */
export async function mergedCases(pool: Pool): Promise<{ checkpoint: number; caseIds: string[] }> {
  const checkpoint = await readCheckpoint(pool, READ_MODEL_SCHEMA);
  const { rows } = await pool.query<{ case_id: string }>(
    `SELECT case_id FROM ${quoteSchema(READ_MODEL_SCHEMA)}.cases WHERE merged_into IS NOT NULL`,
  );
  return { checkpoint, caseIds: rows.map((row) => row.case_id) };
}
