import type { Pool, PoolClient } from 'pg';
import { type CaseState, evolve, foldFacts, initialCaseState } from '@casetrack/domain';
import {
  caseIdOf,
  caseStreamId,
  type EventStore,
  type FeedBatch,
  inTransaction,
  type RecordedEvent,
  type Subscription,
  toCaseFact,
} from '@casetrack/event-store';
import type { Logger } from '@casetrack/config';
import { caseRows } from '../projection/case-rows';
import { READ_MODEL_SCHEMA, quoteSchema } from '../projection/read-model-schema';
import type { CaseRows } from '../projection/views';
import {
  lockCheckpoint,
  readCheckpoint,
  replaceCaseRows,
  saveCheckpoint,
  type WriteStage,
} from '../projection/write-rows';
import { StateCache } from './state-cache';

export interface CaseProjectorOptions {
  /** Schema whose tables and checkpoint this projector writes. Default `read_model`. */
  schema?: string;
  batchSize?: number;
  /** Pause between polls of a drained feed. */
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
  private subscription: Subscription | null = null;
  private restarting: Promise<void> | null = null;
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
    this.idleMs = options.idleMs ?? 100;
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
    this.subscription = this.store.subscribe((batch) => this.applyBatch(batch), {
      from: this.position,
      batchSize: this.batchSize,
      idleMs: this.idleMs,
      onError: (error) => this.onError(error),
    });
    this.options.logger?.info({ schema: this.schema, checkpoint: this.position }, 'projector started');
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    await this.restarting;
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

  /** Applies one feed batch: every touched case's rows and the batch's checkpoint, in one transaction. */
  async applyBatch(batch: FeedBatch): Promise<void> {
    const byCase = groupByCase(batch.events);
    try {
      const states = await this.fold(byCase);
      const rows = new Map<string, CaseRows | null>();
      for (const [caseId, state] of states) rows.set(caseId, caseRows(caseId, state));
      await this.commit(rows, batch.checkpoint, states);
      for (const [caseId, state] of states) this.cache.set(caseId, state);
      this.position = batch.checkpoint;
    } catch (error) {
      // The cache may hold states this failed batch was folded from; nothing of it was committed.
      this.cache.evict(byCase.keys());
      throw error;
    }
  }

  private async fold(byCase: Map<string, RecordedEvent[]>): Promise<Map<string, CaseState>> {
    const states = new Map<string, CaseState>();
    const entries = [...byCase.entries()];
    for (let i = 0; i < entries.length; i += LOAD_CONCURRENCY) {
      await Promise.all(
        entries.slice(i, i + LOAD_CONCURRENCY).map(async ([caseId, events]) => {
          const before = await this.stateBefore(caseId, events[0].version);
          const facts = events.map(toCaseFact);
          // A case met from its first event (a rebuild, mostly) is folded in one pass: evolve copies its facts per event.
          states.set(caseId, before.version === 0 ? foldFacts(facts) : facts.reduce(evolve, before));
        }),
      );
    }
    return states;
  }

  /** The case folded up to (not including) `version`: from the cache when it holds exactly that, else from the store. */
  private async stateBefore(caseId: string, version: number): Promise<CaseState> {
    const cached = this.cache.get(caseId);
    if (cached !== undefined && cached.version === version - 1) return cached;
    if (version <= 1) return initialCaseState;
    const events = await this.store.readStream(caseStreamId(caseId), { toVersion: version - 1 });
    return foldFacts(events.map(toCaseFact));
  }

  private async commit(
    rows: Map<string, CaseRows | null>,
    checkpoint: number,
    states: Map<string, CaseState>,
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const stored = await lockCheckpoint(client, this.schema);
      if (stored !== this.position) throw new CheckpointMovedError(this.position, stored);
      await replaceCaseRows(client, this.schema, rows, this.options.afterStage);
      const hooks = this.schema === READ_MODEL_SCHEMA ? (this.options.batchHooks ?? []) : [];
      for (const hook of hooks) await hook(client, states);
      await saveCheckpoint(client, this.schema, checkpoint);
      await this.options.afterStage?.('checkpoint');
    });
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
    await subscription.stop();
    if (this.subscription !== subscription) return;
    this.subscription = null;
    await this.start();
  }
}

/** The batch's events per case, each case's in stream order (the feed keeps every stream in version order). */
function groupByCase(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const byCase = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const caseId = caseIdOf(event.streamId);
    if (caseId === null) continue;
    const list = byCase.get(caseId);
    if (list) list.push(event);
    else byCase.set(caseId, [event]);
  }
  return byCase;
}
