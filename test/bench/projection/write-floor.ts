import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** Wall-clock seconds and the whole machine's busy CPU seconds (every process: this one, PostgreSQL's) of a step. */
export interface Cost {
  wall: number;
  cpu: number;
}

/**
 * What writing a rebuild's result costs PostgreSQL alone: the rows of the live read-model tables (the last rebuild's
 * output), already in memory as `COPY` text, loaded into empty tables of a scratch schema, then the same indexes
 * built on two connections at once, as the rebuild's builders do. No fold, no row building, no event read.
 */
export interface WriteFloor {
  load: Cost;
  indexes: Cost;
  megabytes: number;
  tables: number;
}

const SCRATCH = 'bench_write_floor';

/** Measures the write floor of the current `read_model` schema; leaves nothing behind. */
export async function measureWriteFloor(pool: Pool): Promise<WriteFloor> {
  const client = await pool.connect();
  const second = await pool.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'read_model' AND c.relkind = 'r' ORDER BY 1`,
      )
    ).rows.map((row) => row.name);
    const indexes = (
      await client.query<{ definition: string }>(
        `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'read_model' ORDER BY tablename, indexname`,
      )
    ).rows.map((row) => row.definition.replace(/ ON read_model\./, ` ON ${SCRATCH}.`));
    const rows = new Map<string, Buffer[]>();
    for (const table of tables) rows.set(table, await copyOut(client, `COPY read_model.${table} TO STDOUT`));
    await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
    await client.query(`CREATE SCHEMA ${SCRATCH}`);
    for (const table of tables) {
      await client.query(`CREATE TABLE ${SCRATCH}.${table} (LIKE read_model.${table} INCLUDING DEFAULTS)`);
    }
    const load = await measured(async () => {
      for (const table of tables) await copyIn(client, `COPY ${SCRATCH}.${table} FROM STDIN`, rows.get(table) ?? []);
    });
    const built = await measured(async () => {
      const half = (k: number): string[] => indexes.filter((_, i) => i % 2 === k);
      await Promise.all([client, second].map((c, k) => runAll(c, half(k))));
      await client.query(`ANALYZE ${tables.map((table) => `${SCRATCH}.${table}`).join(', ')}`);
    });
    const bytes = [...rows.values()].flat().reduce((sum, chunk) => sum + chunk.length, 0);
    return { load, indexes: built, megabytes: bytes / 1e6, tables: tables.length };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
    second.release();
    client.release();
  }
}

/**
 * The best a rebuild could do with a fold that cost nothing and reading and writing overlapped perfectly on every
 * core: no faster than the feed's own read, nor than the write floor, nor than both steps' CPU shared by the cores.
 * Returned as the ratio to the feed's read rate, the figure issue 13's target of 0.6 is compared with.
 */
export function rebuildCeiling(feed: Cost, floor: WriteFloor): number {
  const write: Cost = { wall: floor.load.wall + floor.indexes.wall, cpu: floor.load.cpu + floor.indexes.cpu };
  const fastest = Math.max(feed.wall, write.wall, (feed.cpu + write.cpu) / os.cpus().length);
  return feed.wall / fastest;
}

/** Runs `step` and returns its cost. */
export async function measured(step: () => Promise<unknown>): Promise<Cost> {
  const cpu0 = busyCpuSeconds();
  const started = performance.now();
  await step();
  return { wall: (performance.now() - started) / 1000, cpu: busyCpuSeconds() - cpu0 };
}

/** The machine's busy CPU time so far (user, nice, system, irq, softirq, steal), from /proc/stat. */
function busyCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  // USER_HZ is 100 on Linux everywhere this runs.
  return (user + nice + system + irq + softirq + steal) / 100;
}

async function runAll(client: PoolClient, statements: string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}

async function copyOut(client: PoolClient, statement: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(statement))) chunks.push(chunk as Buffer);
  return chunks;
}

async function copyIn(client: PoolClient, statement: string, chunks: Buffer[]): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await finished;
}
