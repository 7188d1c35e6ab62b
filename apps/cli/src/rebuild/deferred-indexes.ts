import type { Pool, PoolClient } from 'pg';
import { withClient } from '@casetrack/event-store';
import { quoteSchema } from '@casetrack/read-model';

/**
 * The secondary indexes of a freshly created shadow schema: dropped before the rebuild fills the tables and built
 * once at the end, which is much cheaper than maintaining them (trigram and array GIN indexes above all) row by
 * row. Unique indexes stay: the upserts and the per-case deletes of every batch need them.
 */
export async function dropSecondaryIndexes(pool: Pool, schema: string): Promise<DeferredIndex[]> {
  quoteSchema(schema);
  const { rows } = await pool.query<{ name: string; table: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, t.relname AS table, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND NOT i.indisunique`,
    [schema],
  );
  for (const row of rows) await pool.query(`DROP INDEX ${row.name}`);
  return rows.map(({ table, definition }) => ({ table, definition }));
}

/** An index to build again: its table's name and its definition as `pg_get_indexdef` writes it. */
export interface DeferredIndex {
  table: string;
  definition: string;
}

/** Index builds run on this many connections at once: PostgreSQL builds each on one core, and the machine has two. */
const BUILDERS = 2;

/** Work for an index builder's connection beside the index builds (the rebuild's statistics count, on `cases`). */
export type BuilderJob = (client: PoolClient) => Promise<void>;

/**
 * Builds the indexes back from their definitions, several at a time, then gives the planner statistics for the new
 * tables.
 *
 * The trigram indexes, by far the slowest, are built concurrently (`CREATE INDEX CONCURRENTLY`). A plain `CREATE INDEX`
 * holds a transaction id for the whole build, and the feed delivers no event written after the oldest transaction id
 * still running anywhere in the cluster (event-store sql.ts): the live projector, so the board and the reminders, would
 * wait for the whole trigram build (seconds at a million events). A concurrent build holds none while it reads the
 * table and fills the index; it reads the table twice instead of once.
 *
 * A concurrent build waits for every transaction whose snapshot is older than its own. A plain build, or the count's
 * `ALTER TABLE`, waiting for the lock of a concurrent build on the same table while holding such a snapshot would be a
 * deadlock. So the work runs in two rounds on `BUILDERS` connections: first the concurrent builds (one table's one
 * after the other) and the plain builds of the other tables; then `jobs` (which work on `cases`), the other builds,
 * and each table's `ANALYZE` (seconds too), which waits for every index (it also counts the values of index
 * expressions, `lower(city)` among them) and then runs on the first free connection. Nothing waits for another step
 * while it holds a connection that step needs.
 */
export async function buildIndexes(
  pool: Pool,
  schema: string,
  indexes: readonly DeferredIndex[],
  jobs: readonly BuilderJob[] = [],
): Promise<void> {
  const s = quoteSchema(schema);
  const started: Array<Promise<unknown>> = [];
  const run =
    (statements: readonly string[]): BuilderJob =>
    async (client) => {
      for (const statement of statements) {
        const built = client.query(statement);
        started.push(built);
        await built;
      }
    };
  const slow = indexes.filter(isSlow);
  const slowTables = new Set(slow.map((index) => index.table));
  const plain = indexes.filter((index) => !isSlow(index));
  const waits = (index: DeferredIndex): boolean => slowTables.has(index.table);
  const build = (index: DeferredIndex): BuilderJob => run([index.definition]);
  const analyze =
    (table: string): BuilderJob =>
    async (client) => {
      await Promise.all(started);
      await client.query(`ANALYZE ${s}.${table}`);
    };
  await runBuilders(pool, [
    ...[...slowTables].map((table) => run(slow.filter((index) => index.table === table).map(concurrently))),
    ...plain.filter((index) => !waits(index)).map(build),
  ]);
  await runBuilders(pool, [
    ...jobs,
    ...plain.filter(waits).map(build),
    ...['cases', 'hearings', 'complaints'].map(analyze),
  ]);
}

/** Runs the jobs in order on `BUILDERS` connections, each taking the next job as it finishes one. */
async function runBuilders(pool: Pool, jobs: readonly BuilderJob[]): Promise<void> {
  const queue = [...jobs];
  const builder = (): Promise<void> =>
    withClient(pool, async (client) => {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await next(client);
    });
  await Promise.all(Array.from({ length: BUILDERS }, builder));
}

function isSlow(index: DeferredIndex): boolean {
  return index.definition.includes('gin_trgm_ops');
}

function concurrently({ definition }: DeferredIndex): string {
  if (!definition.startsWith('CREATE INDEX ')) throw new Error(`Not an index definition: ${definition}`);
  return `CREATE INDEX CONCURRENTLY ${definition.slice('CREATE INDEX '.length)}`;
}
