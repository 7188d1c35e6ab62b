import type { ClientBase, Pool, PoolClient } from 'pg';
import type { Logger } from '@casetrack/config';
import { type EventStore, inTransaction, withClient } from '@casetrack/event-store';
import {
  BulkProjector,
  CHECKPOINT_NAME,
  createShadowSchema,
  type FeedProjector,
  READ_MODEL_SCHEMA,
  readCheckpoint,
} from '@casetrack/read-model';
import { type ProgressOutput, ProgressBar } from '../common/progress-bar';
import { buildIndexes, dropSecondaryIndexes } from './deferred-indexes';
import { projectFeed, type ProjectFeedOptions } from './project-feed';
import type { ShadowThread } from './shadow-thread/shadow-thread';

/** The schema a rebuild fills, and the name the replaced live schema has until it is dropped. */
export const SHADOW_SCHEMA = 'read_model_next';
export const RETIRED_SCHEMA = 'read_model_old';

export interface RebuildOptions {
  batchSize?: number;
  /** Folded cases the rebuild holds in memory; past it the least recently touched are written and re-read if met again. */
  cacheSize?: number;
  /** How long to wait, before the swap, for a live projector that is behind the rebuild (0: do not wait). */
  waitForLiveMs?: number;
  progress?: ProgressOutput;
  logger?: Logger;
  /**
   * Folds, derives and writes the shadow's rows on this worker thread while the calling thread reads the feed (see
   * shadow-thread.ts); without it, all of that runs on the calling thread between its reads.
   */
  thread?: ShadowThread;
  /** Runs inside the swap's transaction once the live projector is held; tests use it to write during the swap. */
  whileHeld?: () => Promise<void>;
  /** Runs inside the swap's transaction once the new tables hold the live checkpoint, before the renames. */
  beforeSwap?: () => Promise<void>;
}

export interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** The feed position the new read models include. */
  checkpoint: number;
  /** False when the live projector was behind and the new tables took over past its checkpoint (see `swap`). */
  joinedLive: boolean;
  /** How long the swap held the live projector (from its lock to the commit of the renames). */
  heldMs: number;
  /** Milliseconds of each step, in order, for the benchmark's profile (`projection.bench.ts`). */
  phases: RebuildPhases;
}

export interface RebuildPhases {
  /** Reading, folding and writing the whole feed into the shadow tables. */
  load: number;
  /** The first `finish`: what was still held. */
  finish: number;
  /** The deferred index builds and, beside them, the statistics' counts from the whole table. */
  indexes: number;
  /** What was appended meanwhile, the wait for the live projector and the swap. */
  swap: number;
  drop: number;
}

/** What the rebuild drives: a `BulkProjector` on this thread or on a `ShadowThread`. */
interface ShadowProjector extends FeedProjector {
  finish(options?: { count?: boolean }): Promise<void>;
  countOnce(client: ClientBase): Promise<void>;
  close(): Promise<void>;
}

/** Two rebuilds at once would drop each other's shadow schema. */
const REBUILD_LOCK = "hashtext('casetrack:read-model-rebuild')";

/**
 * Rebuilds every read model from the events into a fresh schema while the live ones keep answering, then swaps the
 * two by renaming schemas. Queries name `read_model.*`, so they read the new tables from the next statement on.
 */
export async function rebuildReadModels(
  pool: Pool,
  store: EventStore,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  return withClient(pool, async (guard) => {
    const { rows } = await guard.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${REBUILD_LOCK}) AS locked`);
    if (!rows[0].locked) throw new Error('Another rebuild of the read models is running');
    try {
      return await rebuildHoldingLock(pool, store, options);
    } finally {
      await guard.query(`SELECT pg_advisory_unlock(${REBUILD_LOCK})`);
    }
  });
}

async function rebuildHoldingLock(pool: Pool, store: EventStore, options: RebuildOptions): Promise<RebuildResult> {
  const log = options.logger;
  // Left over by a rebuild that died between its swap and the drop.
  await pool.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
  await createShadowSchema(pool, SHADOW_SCHEMA);
  const deferred = await dropSecondaryIndexes(pool, SHADOW_SCHEMA);
  // Large batches: a case whose events are spread over the feed is then folded and written fewer times.
  const batchSize = options.batchSize ?? 10_000;
  const capacity = options.cacheSize ?? 20_000;
  const shadow: ShadowProjector = options.thread
    ? await options.thread.open(SHADOW_SCHEMA, capacity)
    : new BulkProjector(pool, store, { schema: SHADOW_SCHEMA, capacity, logger: log });
  const bar = new ProgressBar(await estimateEvents(pool), 'rebuild', options.progress ?? process.stderr);
  const started = performance.now();
  let events = 0;
  const advance = (count: number): void => {
    events += count;
    bar.advance(count);
  };
  log?.info({ schema: SHADOW_SCHEMA }, 'rebuild started');

  let swapped: { joinedLive: boolean; heldMs: number };
  const phases: RebuildPhases = { load: 0, finish: 0, indexes: 0, swap: 0, drop: 0 };
  let mark = started;
  const lap = (): number => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  try {
    await projectFeed(shadow, store, { batchSize, onBatch: advance });
    phases.load = lap();
    // The statistics are counted beside the index builds (both read the finished tables), not alone before them.
    await shadow.finish({ count: false });
    phases.finish = lap();
    await buildIndexes(pool, SHADOW_SCHEMA, deferred, [(client) => shadow.countOnce(client)]);
    phases.indexes = lap();
    // What was appended while the indexes were built, now rather than in the swap, which holds the live projector.
    await projectFeed(shadow, store, { batchSize, onBatch: advance });
    await shadow.finish();
    await waitForLive(pool, store, shadow, options.waitForLiveMs ?? 5_000);
    swapped = await swap(pool, store, shadow, { batchSize, onBatch: advance }, options);
  } finally {
    await shadow.close();
  }
  phases.swap = lap();
  bar.finish();

  await dropRetired(pool, log);
  phases.drop = lap();
  const seconds = (performance.now() - started) / 1000;
  const result = {
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : 0,
    checkpoint: shadow.checkpoint,
  };
  log?.info({ ...result, ...swapped, phases }, 'rebuild swapped in');
  return { ...result, ...swapped, phases };
}

/**
 * Swaps the shadow schema in, in one transaction:
 *
 * 1. `LOCK TABLE read_model.checkpoint IN ACCESS EXCLUSIVE MODE`. A live projector takes the checkpoint row first
 *    in every batch, so this waits for a batch in flight to commit and holds the next one at its first statement,
 *    before it has touched any other table. Readers of the case tables are not blocked.
 * 2. The shadow catches up to exactly the live checkpoint, when it is not already past it. The new tables then hold
 *    the same events as the live ones, the held projector's own position stays valid, and every later event is
 *    projected by the live projector with its hooks (reminders), as if nothing had happened.
 * 3. Both schemas are renamed and the transaction commits. The held statement gets its lock, sees that the name
 *    `read_model` now means another table and looks it up again (PostgreSQL re-resolves a name after waiting for a
 *    lock), so the held batch and all later ones write the new tables. It never writes the old ones again.
 *
 * If the live projector was behind the shadow (or not running), the new tables take over at the shadow's own
 * checkpoint; the live projector's checkpoint guard then sees a moved checkpoint and resumes from the new one, and
 * the events in between were projected without the live-only hooks. Returns whether the live checkpoint was met, and
 * how long the live projector was held.
 */
async function swap(
  pool: Pool,
  store: EventStore,
  shadow: ShadowProjector,
  feed: ProjectFeedOptions,
  options: RebuildOptions,
): Promise<{ joinedLive: boolean; heldMs: number }> {
  let locked = 0;
  const joinedLive = await inTransaction(pool, async (client) => {
    await client.query(`LOCK TABLE ${READ_MODEL_SCHEMA}.checkpoint IN ACCESS EXCLUSIVE MODE`);
    locked = performance.now();
    await options.whileHeld?.();
    const live = await heldCheckpoint(client);
    const behindLive = live > 0 && !(shadow.checkpoint > 0 && (await store.isAtOrBefore(live, shadow.checkpoint)));
    if (behindLive) {
      await projectFeed(shadow, store, { ...feed, until: live });
      await shadow.finish();
    }
    const joinedLive = live === 0 ? shadow.checkpoint === 0 : shadow.checkpoint === live;
    if (!joinedLive && live > 0) {
      options.logger?.warn(
        { live, rebuilt: shadow.checkpoint },
        'live projector was behind the rebuild; it resumes from the rebuilt checkpoint',
      );
    }
    await options.beforeSwap?.();
    await client.query(`ALTER SCHEMA ${READ_MODEL_SCHEMA} RENAME TO ${RETIRED_SCHEMA}`);
    await client.query(`ALTER SCHEMA ${SHADOW_SCHEMA} RENAME TO ${READ_MODEL_SCHEMA}`);
    return joinedLive;
  });
  return { joinedLive, heldMs: performance.now() - locked };
}

/**
 * Gives a running live projector the chance to reach the shadow's checkpoint, so the swap can join it exactly
 * (see `swap`). Stops waiting as soon as the live checkpoint stops moving for `patienceMs`.
 */
async function waitForLive(pool: Pool, store: EventStore, shadow: ShadowProjector, patienceMs: number): Promise<void> {
  if (shadow.checkpoint === 0 || patienceMs <= 0) return;
  let last = -1;
  let lastMoved = performance.now();
  for (;;) {
    const live = await readCheckpoint(pool, READ_MODEL_SCHEMA);
    if (live > 0 && (await store.isAtOrBefore(shadow.checkpoint, live))) return;
    if (live !== last) {
      last = live;
      lastMoved = performance.now();
    } else if (performance.now() - lastMoved > patienceMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function heldCheckpoint(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ position: string }>(
    `SELECT position FROM ${READ_MODEL_SCHEMA}.checkpoint WHERE name = $1`,
    [CHECKPOINT_NAME],
  );
  return rows.length === 0 ? 0 : Number(rows[0].position);
}

/** Readers still inside a statement on the old tables finish first; new statements already read the new ones. */
async function dropRetired(pool: Pool, log: Logger | undefined): Promise<void> {
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
  } catch (error) {
    // The swap is done; the next rebuild drops what is left.
    log?.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not drop the retired schema');
  }
}

/**
 * The size of the feed, for the progress bar: it only has to be about right, and events keep coming. PostgreSQL's
 * own estimate of the `events` table (kept by autovacuum), counted only when it has none; with the streams in
 * KurrentDB the bar shows no total.
 */
async function estimateEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT CASE WHEN reltuples >= 0 THEN reltuples::bigint ELSE (SELECT count(*) FROM events) END AS n
       FROM pg_class WHERE oid = 'events'::regclass`,
  );
  return Number(rows[0].n);
}
