import type { Pool, PoolClient } from 'pg';
import { type CaseState, evolve, foldFacts, initialCaseState } from '@casetrack/domain';
import {
  caseStreamId,
  type EventStore,
  type FeedBatch,
  inTransaction,
  type RecordedEvent,
  type Subscription,
  toCaseFact,
} from '@casetrack/event-store';
import type { Logger } from '@casetrack/config';
import { forgetProjectedNames } from '../names/opened-case-names';
import { caseRows } from '../projection/case-rows';
import { READ_MODEL_SCHEMA, quoteSchema } from '../projection/read-model-schema';
import type { CaseRows } from '../projection/views';
import {
  lockCheckpoint,
  projectedVersion,
  readCheckpoint,
  replaceCaseRows,
  saveCheckpoint,
  type WriteStage,
} from '../projection/write-rows';
import {
  clearQuarantine,
  isRowDataError,
  quarantinedCaseIds,
  quarantineOf,
  type QuarantinedEvent,
  saveQuarantine,
} from './quarantine';
import { eraseCopiedNames, erasedCasesOf } from './erasure-sweep';
import { ErasureVacuum } from './erasure-vacuum';
import { StateCache } from './state-cache';
import { groupByCase } from './group-by-case';

export interface CaseProjectorOptions {
  /** Schema whose tables and checkpoint this projector writes. Default `read_model`. */
  schema?: string;
  batchSize?: number;
  /**
   * Pause between polls of a drained feed (default 10 ms). The feed subscription also pauses after every batch that
   * was not full, so under a steady stream of writes this pause is part of almost every event's lag (at 500 writes/s,
   * 100 ms gave a lag p99 of 160 ms, 10 ms one of about 50 ms); an empty poll is one indexed read, cheap enough to
   * make a hundred times a second.
   */
  idleMs?: number;
  /** How many folded case states to keep between batches. */
  cacheSize?: number;
  /** Runs inside each batch's transaction after each write stage; tests use it to fail a batch halfway. */
  afterStage?: (stage: WriteStage) => Promise<void> | void;
  /**
   * Run once per batch with every touched case's state, inside the batch's transaction, after its rows and before
   * the checkpoint, and only when projecting the live schema (a rebuild into a shadow schema never runs them). Other
   * tables derived from the case state (reminders) use them to commit with the checkpoint.
   */
  batchHooks?: ReadonlyArray<BatchHook>;
  logger?: Logger;
}

export type BatchHook = (client: PoolClient, states: ReadonlyMap<string, CaseState>) => Promise<void>;

/** The stored checkpoint is not where this projector left it: another projector is writing the same schema. */
export class CheckpointMovedError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`The checkpoint moved from ${expected} to ${actual} under this projector`);
    this.name = 'CheckpointMovedError';
  }
}

/** A case's state before the batch (null: an earlier event cannot be folded) and, when it folds, its new rows. */
interface PreparedCase {
  before: CaseState | null;
  ready: { state: CaseState; rows: CaseRows | null } | null;
}

/** Cold cases of a batch are read from the store this many at a time. */
const LOAD_CONCURRENCY = 16;

/**
 * Follows the event store's global feed and keeps the read models of `schema` current.
 *
 * State-based: for each batch, every touched case's state is folded (from the cache, or from its stream up to the
 * version before the batch), the batch's facts are folded in, and all of that case's rows are derived again from
 * the final state and replace the old ones. Retractions and late news are therefore handled by the domain fold,
 * and applying an event twice changes nothing. The rows of every case of the batch and the new checkpoint commit
 * in one transaction, so a crash at any instant leaves the read models exactly at a batch boundary.
 */
export class CaseProjector {
  readonly schema: string;
  private readonly cache: StateCache;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly erasureVacuum: ErasureVacuum;
  private subscription: Subscription | null = null;
  private restarting: Promise<void> | null = null;
  /** Counts `stop` calls, so that a restart in progress notices one and gives up. */
  private stops = 0;
  /** The checkpoint of the last batch this projector committed (or read at start). */
  private position = 0;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: CaseProjectorOptions = {},
  ) {
    this.schema = options.schema ?? READ_MODEL_SCHEMA;
    quoteSchema(this.schema);
    this.cache = new StateCache(options.cacheSize ?? 5_000);
    this.batchSize = options.batchSize ?? 1_000;
    this.idleMs = options.idleMs ?? 10;
    this.erasureVacuum = new ErasureVacuum(pool, options.logger);
  }

  get checkpoint(): number {
    return this.position;
  }

  get running(): boolean {
    return this.subscription !== null;
  }

  /** Follows the feed from the stored checkpoint until `stop`. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.position = await readCheckpoint(this.pool, this.schema);
    this.cache.clear();
    await this.retryQuarantined();
    this.subscription = this.store.subscribe((batch) => this.applyBatch(batch), {
      from: this.position,
      batchSize: this.batchSize,
      idleMs: this.idleMs,
      onError: (error) => this.onError(error),
    });
    this.options.logger?.info({ schema: this.schema, checkpoint: this.position }, 'projector started');
  }

  async stop(): Promise<void> {
    this.stops++;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    await this.restarting;
    await this.erasureVacuum.stop();
  }

  /** Projects everything the feed holds after the stored checkpoint, then returns; for rebuilds and tests. */
  async catchUp(): Promise<void> {
    this.position = await readCheckpoint(this.pool, this.schema);
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, limit: this.batchSize });
      if (batch.events.length === 0) return;
      await this.applyBatch(batch);
    }
  }

  /**
   * Applies one feed batch: every touched case's rows and the batch's checkpoint, in one transaction. A case whose
   * events cannot be applied (the fold throws, or PostgreSQL refuses its rows) is quarantined at the failing event
   * and keeps its last good rows; the rest of the batch and every other case go on.
   */
  async applyBatch(batch: FeedBatch): Promise<void> {
    const byCase = groupByCase(batch.events);
    try {
      const prepared = await this.prepare(byCase);
      await this.refoldSurvivorsOfErased(byCase, prepared);
      const written = await this.commit(byCase, prepared, batch.checkpoint);
      for (const [caseId, state] of written) this.cache.set(caseId, state);
      this.cache.evict([...byCase.keys()].filter((caseId) => !written.has(caseId)));
      this.position = batch.checkpoint;
    } catch (error) {
      // The cache may hold states this failed batch was folded from; nothing of it was committed.
      this.cache.evict(byCase.keys());
      throw error;
    }
    // An erasure rewrote rows: their old versions still hold the plaintext until vacuumed (live schema only).
    if (this.schema === READ_MODEL_SCHEMA) this.erasureVacuum.request(erasedCasesOf(batch.events));
  }

  /** Each case folded and its rows derived; a case whose fold or rows throw is left to `commitIsolated`. */
  private async prepare(byCase: Map<string, RecordedEvent[]>): Promise<Map<string, PreparedCase>> {
    const prepared = new Map<string, PreparedCase>();
    const entries = [...byCase.entries()];
    for (let i = 0; i < entries.length; i += LOAD_CONCURRENCY) {
      await Promise.all(
        entries.slice(i, i + LOAD_CONCURRENCY).map(async ([caseId, events]) => {
          const before = await this.stateBefore(caseId, events[0].version);
          if (before === null) return prepared.set(caseId, { before, ready: null });
          try {
            const facts = events.map(toCaseFact);
            // A case met from its first event (a rebuild, mostly) is folded in one pass: evolve copies its facts per event.
            const state = before.version === 0 ? foldFacts(facts) : facts.reduce(evolve, before);
            prepared.set(caseId, { before, ready: { state, rows: caseRows(caseId, state) } });
          } catch {
            prepared.set(caseId, { before, ready: null });
          }
        }),
      );
    }
    return prepared;
  }

  /**
   * Erasing a merged duplicate destroys the key that sealed the spellings its survivor took from it: the survivor is
   * folded again from its stream, which now reads them erased, up to what this batch projects of it, so that its rows
   * lose them in the batch's transaction. A survivor not projected yet will be folded from its stream when it is.
   */
  private async refoldSurvivorsOfErased(
    byCase: Map<string, RecordedEvent[]>,
    prepared: Map<string, PreparedCase>,
  ): Promise<void> {
    for (const [caseId, events] of byCase) {
      const state = prepared.get(caseId)?.ready?.state;
      const survivor = state?.erased ? state.mergedInto : null;
      if (!survivor || !events.some((event) => event.type === 'CaseErased')) continue;
      const toVersion =
        byCase.get(survivor)?.at(-1)?.version ?? (await projectedVersion(this.pool, this.schema, survivor));
      if (toVersion === null) continue;
      this.cache.evict([survivor]);
      const refolded = foldFacts((await this.store.readStream(caseStreamId(survivor), { toVersion })).map(toCaseFact));
      const before = prepared.get(survivor)?.before ?? refolded;
      prepared.set(survivor, { before, ready: { state: refolded, rows: caseRows(survivor, refolded) } });
    }
  }

  /**
   * The case folded up to (not including) `version`: from the cache when it holds exactly that, else from the store;
   * null when an earlier event of the case cannot be folded (it is quarantined already). A store that cannot be read
   * fails the batch.
   */
  private async stateBefore(caseId: string, version: number): Promise<CaseState | null> {
    const cached = this.cache.get(caseId);
    if (cached !== undefined && cached.version === version - 1) return cached;
    if (version <= 1) return initialCaseState;
    const events = await this.store.readStream(caseStreamId(caseId), { toVersion: version - 1 });
    try {
      return foldFacts(events.map(toCaseFact));
    } catch {
      return null;
    }
  }

  /** Commits the batch in bulk; when a case's data is at fault, again case by case. Returns the cases written whole. */
  private async commit(
    byCase: Map<string, RecordedEvent[]>,
    prepared: Map<string, PreparedCase>,
    checkpoint: number,
  ): Promise<Map<string, CaseState>> {
    const states = new Map<string, CaseState>();
    const rows = new Map<string, CaseRows | null>();
    for (const [caseId, { ready }] of prepared) {
      if (ready === null) return this.commitIsolated(byCase, prepared, checkpoint);
      states.set(caseId, ready.state);
      rows.set(caseId, ready.rows);
    }
    try {
      await this.inBatchTransaction(checkpoint, async (client) => {
        await replaceCaseRows(client, this.schema, rows, this.options.afterStage);
        for (const hook of this.hooks) await hook(client, states);
        await clearQuarantine(client, this.schema, [...states.keys()]);
      });
      return states;
    } catch (error) {
      if (!isRowDataError(error)) throw error;
      return this.commitIsolated(byCase, prepared, checkpoint);
    }
  }

  /**
   * The slow path, taken only when something in the batch failed: each case is written under its own savepoint; a
   * case that fails is walked one event at a time, keeping the rows of its last event that could be applied and
   * quarantining the first that could not.
   */
  private async commitIsolated(
    byCase: Map<string, RecordedEvent[]>,
    prepared: Map<string, PreparedCase>,
    checkpoint: number,
  ): Promise<Map<string, CaseState>> {
    const written = new Map<string, CaseState>();
    const quarantined: QuarantinedEvent[] = [];
    await this.inBatchTransaction(checkpoint, async (client) => {
      for (const [caseId, events] of byCase) {
        const { before, ready } = prepared.get(caseId) as PreparedCase;
        if (ready !== null && (await this.tryWrite(client, caseId, ready.state, ready.rows)) === null) {
          written.set(caseId, ready.state);
          continue;
        }
        const failed =
          before === null
            ? quarantineOf(caseId, events[0], 'an earlier event of the case cannot be folded')
            : await this.walk(client, caseId, before, events);
        if (failed === null) written.set(caseId, this.cache.get(caseId) as CaseState);
        else quarantined.push(failed);
      }
      await saveQuarantine(client, this.schema, quarantined);
      await clearQuarantine(client, this.schema, [...written.keys()]);
    });
    for (const entry of quarantined) {
      this.options.logger?.error({ schema: this.schema, ...entry }, 'projector quarantined an event it cannot apply');
    }
    return written;
  }

  /** Applies the case's events one at a time; the first that cannot be folded, derived or stored is returned. */
  private async walk(
    client: PoolClient,
    caseId: string,
    before: CaseState,
    events: readonly RecordedEvent[],
  ): Promise<QuarantinedEvent | null> {
    let state = before;
    for (const event of events) {
      let next: CaseState;
      let rows: CaseRows | null;
      try {
        next = evolve(state, toCaseFact(event));
        rows = caseRows(caseId, next);
      } catch (error) {
        return quarantineOf(caseId, event, error);
      }
      const failure = await this.tryWrite(client, caseId, next, rows);
      if (failure !== null) return quarantineOf(caseId, event, failure);
      state = next;
    }
    this.cache.set(caseId, state);
    return null;
  }

  /** One case's rows and hooks under a savepoint: null when written, else the error that was rolled back. */
  private async tryWrite(
    client: PoolClient,
    caseId: string,
    state: CaseState,
    rows: CaseRows | null,
  ): Promise<unknown> {
    await client.query('SAVEPOINT case_rows');
    try {
      await replaceCaseRows(client, this.schema, new Map([[caseId, rows]]));
      for (const hook of this.hooks) await hook(client, new Map([[caseId, state]]));
      await client.query('RELEASE SAVEPOINT case_rows');
      return null;
    } catch (error) {
      // A rollback that fails means the connection, not the case, is at fault: the whole batch is retried.
      await client.query('ROLLBACK TO SAVEPOINT case_rows');
      if (!isRowDataError(error)) throw error;
      return error;
    }
  }

  private get hooks(): ReadonlyArray<BatchHook> {
    // Erasing the names other tables copied is part of projecting the live schema, whoever configures the hooks.
    return this.schema === READ_MODEL_SCHEMA ? [...(this.options.batchHooks ?? []), eraseCopiedNames] : [];
  }

  private async inBatchTransaction(checkpoint: number, work: (client: PoolClient) => Promise<void>): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const stored = await lockCheckpoint(client, this.schema);
      if (stored !== this.position) throw new CheckpointMovedError(this.position, stored);
      await work(client);
      await saveCheckpoint(client, this.schema, checkpoint);
      // The live rows now hold every case up to the checkpoint: the write path's copies of their names may go.
      if (this.schema === READ_MODEL_SCHEMA) await forgetProjectedNames(client, checkpoint);
      await this.options.afterStage?.('checkpoint');
    });
  }

  /**
   * Projects the quarantined cases again from their whole streams (at start: a fixed projection clears what it can
   * now apply). A case that still fails stays quarantined; each case commits on its own.
   */
  async retryQuarantined(limit = 1_000): Promise<number> {
    let cleared = 0;
    for (const caseId of await quarantinedCaseIds(this.pool, this.schema, limit)) {
      const events = await this.store.readStream(caseStreamId(caseId));
      let state: CaseState;
      let rows: CaseRows | null;
      try {
        state = foldFacts(events.map(toCaseFact));
        rows = caseRows(caseId, state);
      } catch {
        continue;
      }
      const written = await inTransaction(this.pool, async (client) => {
        await lockCheckpoint(client, this.schema);
        if ((await this.tryWrite(client, caseId, state, rows)) !== null) return false;
        await clearQuarantine(client, this.schema, [caseId]);
        return true;
      });
      if (written) cleared++;
    }
    if (cleared > 0) this.options.logger?.info({ schema: this.schema, cleared }, 'projector cleared quarantined cases');
    return cleared;
  }

  private onError(error: unknown): void {
    const log = this.options.logger;
    if (error instanceof CheckpointMovedError) {
      log?.warn({ schema: this.schema, expected: error.expected, actual: error.actual }, 'projector checkpoint moved');
      // The subscription keeps its own position; start a new one from the stored checkpoint.
      this.restarting ??= this.restart().finally(() => (this.restarting = null));
      return;
    }
    log?.error(
      { schema: this.schema, checkpoint: this.position, err: error instanceof Error ? error.message : String(error) },
      'projector batch failed; retrying',
    );
  }

  private async restart(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    const stops = this.stops;
    await subscription.stop();
    if (this.subscription !== subscription) return;
    this.subscription = null;
    // Starting reads the database, which may be away (a commit whose answer was lost moves the checkpoint too): a
    // failure here must neither end the process as an unhandled rejection nor leave the projector stopped.
    for (let failures = 0; this.stops === stops; failures++) {
      try {
        await this.start();
        break;
      } catch (error) {
        this.options.logger?.warn(
          { schema: this.schema, err: error instanceof Error ? error.message : String(error) },
          'projector restart failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures, 5_000)));
      }
    }
    // `stop` was called while this restart was starting a subscription it could not see yet.
    if (this.stops !== stops) {
      const started = this.subscription as Subscription | null;
      this.subscription = null;
      await started?.stop();
    }
  }
}
