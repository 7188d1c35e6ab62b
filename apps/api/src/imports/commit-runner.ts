import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { isDatabaseUnavailable } from '@casetrack/event-store';
import { LOGGER } from '../common/logger.provider';
import { PG_POOL } from '../infrastructure/infrastructure.module';
import { ImportCheck } from './import-check';
import type { ImportRecord, RowSettlement, StoredRow } from './import-model';
import { ImportStore } from './import-store';
import { ImportUsers } from './import-users';
import { type CommitJob, RowRecorder } from './row-recorder';

/** How often the loop looks for committing imports when nobody pokes it (another process's commit, a resume). */
const POLL_MS = 1_000;
/** Pending rows read at a time. */
const ROWS_PER_READ = 100;
/**
 * Rows recorded side by side, and settled together. Each row is its own case (or waits, when it joins one), and mostly
 * waits for the database's round trips: a profile of a commit at 4 rows showed the service's event loop idle more than
 * half the time, and 16 rows went about twice as fast on the loaded 2-core machine. A row's queries are short, one at
 * a time, and alternate between the two pools (TypeORM's, the event store's), so the API's requests still find
 * connections between them.
 */
const ROWS_AT_ONCE = 16;
/** Times a row may fail with something other than the database being away before it is rejected. */
const ROW_ATTEMPTS = 3;
/** Expired imports are purged at start and then this often. */
const PURGE_EVERY_MS = 3_600_000;

/**
 * Runs committing imports in the API process, in the background: a request only marks an import `committing` and
 * pokes this loop. One import at a time per process, a window of rows at a time (ROWS_AT_ONCE), settled (outcomes
 * and counters) in one statement per window, so progress shows as it goes and the API keeps answering.
 *
 * Crash-safe: an import stays `committing` until its last row is settled, and every process resumes the committing
 * imports it finds, at start and on each poll. Each row's writes carry Idempotency-Keys derived from the import and
 * the row (RowRecorder), so a row interrupted half-way is replayed, never recorded twice. Two processes never run one
 * import at once: each holds a session advisory lock on it (no transaction stays open, so the event feed's snapshot
 * horizon is never held back), which PostgreSQL releases by itself if the process dies.
 */
@Injectable()
export class CommitRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private poked = false;
  private lastPurge = 0;
  /** Unexpected failures of a row so far, by import and row. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly store: ImportStore,
    private readonly check: ImportCheck,
    private readonly recorder: RowRecorder,
    private readonly users: ImportUsers,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Before the connections close: the rows in flight are settled, the rest wait for the next start. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** A commit was started: look now rather than at the next poll. */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.purgeWhenDue();
        for (const importId of await this.store.committing()) {
          if (this.stopping) break;
          await this.withLock(importId, () => this.commit(importId));
        }
      } catch (error) {
        // The database may be away: the imports stay committing and the next pass resumes them.
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'import commit pass failed');
      }
      await this.pause();
    }
  }

  private pause(): Promise<void> {
    if (this.poked || this.stopping) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, POLL_MS);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        this.poked = false;
        done();
      };
    });
  }

  private async purgeWhenDue(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    const purged = await this.store.purgeOlderThan(this.config.importRetentionDays);
    if (purged > 0) this.logger.info({ imports: purged }, 'expired imports purged');
  }

  /** Runs `work` while this process holds the import's advisory lock; another process holding it: nothing to do. */
  private async withLock(importId: string, work: () => Promise<void>): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    // Held for the whole commit: a connection lost meanwhile must not surface as an unhandled 'error' event.
    let lost: Error | null = null;
    const onError = (error: Error): void => {
      lost = error;
    };
    client.on('error', onError);
    let locked = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('casetrack:import'), hashtext($1)) AS locked`,
        [importId],
      );
      locked = rows[0].locked;
      if (locked) await work();
    } finally {
      if (locked) {
        await client
          .query(`SELECT pg_advisory_unlock(hashtext('casetrack:import'), hashtext($1))`, [importId])
          .catch(() => undefined);
      }
      client.off('error', onError);
      // A lost connection is not handed back to the pool to be used again.
      client.release(lost ?? undefined);
    }
  }

  private async commit(importId: string): Promise<void> {
    const record = await this.store.find(importId, null);
    if (record === null || record.status !== 'committing' || record.mapping === null) return;
    const actor = await this.users.importer(record.userId);
    if (actor === null) {
      // The importer's account was disabled or can no longer write cases: nothing is recorded in their name.
      await this.store.finish(importId, 'failed');
      this.logger.warn({ importId }, 'import failed: the importer may no longer write cases');
      return;
    }
    const job: CommitJob = { record, mapping: record.mapping, actor };
    await this.checkIfNeeded(job);
    const started = Date.now();
    let settledRows = 0;
    for (;;) {
      if (this.stopping) return;
      const rows = await this.store.rows(importId, 0, ROWS_PER_READ, true);
      if (rows.length === 0) break;
      for (let start = 0; start < rows.length; start += ROWS_AT_ONCE) {
        if (this.stopping) return;
        const window = rows.slice(start, start + ROWS_AT_ONCE);
        await this.recordWindow(job, window);
        settledRows += window.length;
      }
    }
    await this.store.finish(importId, 'done');
    const done = await this.store.find(importId, null);
    this.logger.info(
      {
        importId,
        rows: done?.rowCount,
        recorded: done?.recorded,
        skipped: done?.skipped,
        rejected: done?.rejected,
        settledNow: settledRows,
        ms: Date.now() - started,
      },
      'import committed',
    );
  }

  /**
   * Records a window of rows and settles them together. A row added to a case waits for the rest of its window (the
   * case may be one an earlier row there opens); the others, each its own case, run side by side. Every row started
   * has finished, and what finished is settled, before a failure is passed on: none is left running unlocked, and a
   * resume replays only the rest (their writes are idempotent).
   */
  private async recordWindow(job: CommitJob, window: readonly StoredRow[]): Promise<void> {
    const joining = window.filter((row) => typeof job.record.decisions[String(row.row)] === 'object');
    const results = await Promise.allSettled(
      window.filter((row) => !joining.includes(row)).map((row) => this.outcomeOf(job, row)),
    );
    const settled: Array<{ row: number; settlement: RowSettlement }> = [];
    let failure: { reason: unknown } | null = null;
    for (const result of results) {
      if (result.status === 'fulfilled') settled.push(result.value);
      else failure ??= { reason: result.reason };
    }
    for (const row of failure === null ? joining : []) {
      try {
        settled.push(await this.outcomeOf(job, row));
      } catch (error) {
        failure = { reason: error };
        break;
      }
    }
    await this.store.settle(job.record.id, settled);
    if (failure !== null) throw failure.reason;
  }

  /**
   * Records a row and answers how it settles. The database being away is passed on (the import waits and resumes);
   * anything else a row keeps failing with is not retried for ever: after ROW_ATTEMPTS the row is rejected as
   * WRITE_FAILED (the log has the error, with ids only), so one row cannot hold its import back.
   */
  private async outcomeOf(job: CommitJob, row: StoredRow): Promise<{ row: number; settlement: RowSettlement }> {
    const importId = job.record.id;
    try {
      return { row: row.row, settlement: await this.recorder.record(job, row) };
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      const key = `${importId}:${row.row}`;
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.logger.error(
        { importId, row: row.row, failures, err: error instanceof Error ? error.name : 'unknown' },
        'import row failed',
      );
      if (failures < ROW_ATTEMPTS) {
        this.failures.set(key, failures);
        throw error;
      }
      this.failures.delete(key);
      return {
        row: row.row,
        settlement: { outcome: 'rejected', caseId: row.caseId, steps: [], errorCode: 'WRITE_FAILED', errorFields: [] },
      };
    }
  }

  /**
   * A commit without a dry run of its mapping checks the rows first (before any is recorded: once the first rows are
   * cases, later rows would find them as existing duplicates), so undecided duplicates are told apart as they would
   * have been.
   */
  private async checkIfNeeded(job: CommitJob): Promise<void> {
    if (sameMapping(job.record.checkedMapping, job.mapping)) return;
    const { record } = job;
    await this.check.check(record, job.mapping, job.actor);
    job.record = { ...record, checkedMapping: job.mapping } satisfies ImportRecord;
  }
}

function sameMapping(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>>): boolean {
  if (a === null) return false;
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => a[key] === b[key]);
}
