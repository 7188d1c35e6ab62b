import type { Pool } from 'pg';
import type { Logger } from '@casetrack/config';
import { Pause } from '@casetrack/event-store';
import { READ_MODEL_SCHEMA, quoteSchema } from '../projection/read-model-schema';
import { presentCopyTables } from './erasure-sweep';

/** Pauses between looks at the sessions that may still see an erasure's old row versions: short, then up to 2 s. */
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 2_000;
/** A wait this long is logged, once: erased text stays in the table files while it lasts. */
const LONG_WAIT_MS = 60_000;

/**
 * After a batch that erased cases has committed (their rows rewritten from the erased state), the tables holding case
 * text are vacuumed, so that the old row versions, which still hold the plaintext, leave the table files.
 *
 * VACUUM removes a version only once no snapshot of this database can still see it, and a snapshot taken while any
 * transaction of the server was running (in any database: a migration, a dump, another application's batch) can, for
 * as long as it lasts. A VACUUM run at that moment leaves the versions where they are, and autovacuum may not come
 * back to a table for days. So the vacuum waits, in the background while the projector goes on, until every other
 * session of this database sees past the erasing batches, then runs; a failed one is tried again. A stop gives up a
 * waiting vacuum: the next erasure's, or autovacuum, removes the versions.
 */
export class ErasureVacuum {
  /** Erased cases whose batches have committed and whose vacuum has not run yet. */
  private waiting = 0;
  private sweeping: Promise<void> | null = null;
  private stopping = false;
  private readonly pause = new Pause();

  constructor(
    private readonly pool: Pool,
    private readonly logger?: Logger,
  ) {}

  /** After the batch that erased `caseIds` has committed; returns at once. */
  request(caseIds: readonly string[]): void {
    if (caseIds.length === 0 || this.stopping) return;
    this.waiting += caseIds.length;
    this.startSweep();
  }

  /** Gives up a waiting vacuum, lets a running one end. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.sweeping;
    this.waiting = 0;
    this.stopping = false;
  }

  private startSweep(): void {
    this.sweeping ??= this.sweep().finally(() => {
      this.sweeping = null;
      // A request made between the sweep's last look at `waiting` and now found it still running.
      if (this.waiting > 0 && !this.stopping) this.startSweep();
    });
  }

  private async sweep(): Promise<void> {
    let failures = 0;
    while (this.waiting > 0 && !this.stopping) {
      const cases = this.waiting;
      try {
        // Every batch counted in `cases` has committed: its transaction id is older than the next one.
        const next = await nextTransactionId(this.pool);
        if (!(await this.awaitSessionsPast(next, cases))) return;
        const tables = await erasedTextTables(this.pool);
        await this.pool.query(`VACUUM ${tables.join(', ')}`);
        this.waiting -= cases;
        failures = 0;
        this.logger?.info({ cases, tables: tables.length }, 'vacuumed the rows an erasure rewrote');
      } catch (error) {
        this.logger?.error({ err: error, cases }, 'vacuum after an erasure failed; retrying');
        await this.pause.for(Math.min(100 * 2 ** failures++, 5_000));
      }
    }
  }

  /** Resolves true once no session of this database can see versions older than `xid`; false on a stop. */
  private async awaitSessionsPast(xid: string, cases: number): Promise<boolean> {
    const started = Date.now();
    let logged = false;
    for (let ms = FIRST_PAUSE_MS; !this.stopping; ms = Math.min(2 * ms, LONGEST_PAUSE_MS)) {
      if (!(await seenBeforeBy(this.pool, xid))) return true;
      const waitedMs = Date.now() - started;
      if (!logged && waitedMs >= LONG_WAIT_MS) {
        logged = true;
        this.logger?.warn({ cases, waitedMs }, 'vacuum after an erasure waits for a transaction');
      }
      await this.pause.for(ms);
    }
    return false;
  }
}

/** The id the server will give its next transaction: every committed transaction's is older. */
async function nextTransactionId(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ xid: string }>(
    'SELECT xid(pg_snapshot_xmax(pg_current_snapshot()))::text AS xid',
  );
  return rows[0].xid;
}

/**
 * Whether a row version replaced before `xid` may still be seen here: by another session of this database whose
 * snapshot or transaction is older, a prepared transaction of this database, or a replication slot. Autovacuum's
 * workers do not hold VACUUM back. (Any role sees every session's snapshot, but without pg_read_all_stats not other
 * roles' session types: it then waits for autovacuum's workers too.)
 */
async function seenBeforeBy(pool: Pool, xid: string): Promise<boolean> {
  const { rows } = await pool.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND backend_type IS DISTINCT FROM 'autovacuum worker'
                       AND (age(backend_xmin) > age($1::xid) OR age(backend_xid) > age($1::xid)))
         OR EXISTS (SELECT FROM pg_prepared_xacts
                     WHERE database = current_database() AND age(transaction) > age($1::xid))
         OR EXISTS (SELECT FROM pg_replication_slots WHERE age(xmin) > age($1::xid)) AS held`,
    [xid],
  );
  return rows[0].held;
}

/** Every read-model table and the copies of case text outside it. */
async function erasedTextTables(pool: Pool): Promise<string[]> {
  const schema = quoteSchema(READ_MODEL_SCHEMA);
  const { rows } = await pool.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [
    READ_MODEL_SCHEMA,
  ]);
  return [
    ...rows.map((row) => `${schema}."${row.tablename}"`),
    ...(await presentCopyTables(pool)).map((table) => `public."${table}"`),
  ];
}
