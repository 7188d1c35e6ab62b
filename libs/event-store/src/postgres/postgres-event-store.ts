import type { ClientBase, Pool } from 'pg';
import {
  ConcurrencyError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type FeedBatch,
  type Json,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredMetadata,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { type PreparedEvent, prepareEvent, recordedUpTo } from '../prepared-event';
import { AppendBatcher } from './append-batcher';
import {
  appendBatch,
  appendOne,
  type AppendAttempt,
  type AttemptOutcome,
  buildAttempt,
  type Queryable,
} from './append-statements';
import { HeadCache, type StreamHead } from './head-cache';
import { NotificationListener } from './notification-listener';
import { SQL } from './sql';
import { FeedSubscription } from './feed-subscription';
import { createPool } from './pool';

export interface PostgresEventStoreOptions {
  /** Size of the pool the store creates when given a connection string (ignored for a caller's pool). Default 10. */
  poolSize?: number;
  /** How many stream heads (version + hash) to remember so an append need not read the previous event. Default 10,000. */
  headCacheSize?: number;
  /**
   * Announce appends with `pg_notify` and let subscriptions LISTEN, so they wake up at once instead of after
   * `idleMs`. Off by default: PostgreSQL serialises the commits of all notifying transactions on one lock,
   * which caps concurrent append throughput (see the append benchmark). Polling stays the fallback either way.
   */
  notify?: boolean;
  /** How often an `'any'` append re-reads the head and tries again after losing a race. Default 50. */
  maxAnyAttempts?: number;
  /**
   * Appends to the pool that run concurrently are grouped into shared statements (one round trip and one commit for
   * many streams), with at most this many statements in flight; 0 runs each append in its own statement. A lone
   * writer waits for nothing: grouping only happens while statements are already in flight. Default 8.
   */
  appendConcurrency?: number;
}

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: Json;
  metadata: StoredMetadata;
}

const MAX_VERSION = 2_147_483_647;

/**
 * The PostgreSQL adapter. Concurrency is decided by the unique (stream_id, version) constraint only — no locks, no
 * isolation level — and an append is one INSERT statement, so the common case is one round trip. The feed's
 * ordering argument is in `./sql.ts`.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly heads: HeadCache;
  private readonly notify: boolean;
  private readonly maxAnyAttempts: number;
  private readonly listener: NotificationListener | null;
  private readonly batcher: AppendBatcher<AppendAttempt, AttemptOutcome> | null;
  private readonly subscriptions = new Set<FeedSubscription>();
  /** Last non-zero checkpoint confirmed to exist, so an idle feed does not re-check it on every poll. */
  private knownCheckpoint = 0;

  constructor(poolOrConnectionString: Pool | string, options: PostgresEventStoreOptions = {}) {
    if (typeof poolOrConnectionString === 'string') {
      this.pool = createPool(poolOrConnectionString, { max: options.poolSize ?? 10 });
      this.ownsPool = true;
    } else {
      this.pool = poolOrConnectionString;
      this.ownsPool = false;
    }
    this.heads = new HeadCache(options.headCacheSize ?? 10_000);
    this.notify = options.notify ?? false;
    this.maxAnyAttempts = options.maxAnyAttempts ?? 50;
    this.listener = this.notify ? new NotificationListener(this.pool) : null;
    const appendConcurrency = options.appendConcurrency ?? 8;
    this.batcher =
      appendConcurrency > 0
        ? new AppendBatcher((attempts) => this.flushAppends(attempts), {
            maxInFlight: appendConcurrency,
            maxBatch: 100,
          })
        : null;
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.appendVia(this.pool, true, streamId, events, expected);
  }

  /**
   * Appends with the caller's client, e.g. inside a transaction it holds open. The events commit (or roll back) with
   * that transaction, so they are not put into the head cache. A conflict aborts the caller's transaction, so an
   * `'any'` append is not retried here: that is the caller's decision.
   */
  appendWithin(
    client: ClientBase,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendVia(client, false, streamId, events, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const toVersion = options.toVersion ?? MAX_VERSION;
    const fromVersion = Math.max(1, options.fromVersion ?? 1);
    if (toVersion < fromVersion) return [];
    const { rows } = await this.pool.query<EventRow>({ ...SQL.readStream, values: [streamId, toVersion, fromVersion] });
    const events = rows.map(toRecordedEvent);
    const last = events.at(-1);
    if (last) this.heads.remember(streamId, { version: last.version, hash: last.metadata.hash });
    return recordedUpTo(events, options.recordedUpTo);
  }

  async streamVersion(streamId: string): Promise<number> {
    const head = await this.readHead(this.pool, streamId);
    if (head.version > 0) this.heads.remember(streamId, head);
    return head.version;
  }

  async readAll(options: ReadAllOptions): Promise<FeedBatch> {
    const after = options.after ?? 0;
    if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`Invalid checkpoint ${after}`);
    if (!Number.isSafeInteger(options.limit) || options.limit < 1)
      throw new RangeError(`Invalid limit ${options.limit}`);
    const { rows } = await this.pool.query<EventRow>({ ...SQL.readAll, values: [after, options.limit] });
    if (rows.length === 0) {
      if (after !== 0 && after !== this.knownCheckpoint) {
        // An unknown checkpoint would otherwise look like a quiet feed forever.
        const found = await this.pool.query({ ...SQL.positionExists, values: [after] });
        if (found.rowCount === 0) throw new RangeError(`Checkpoint ${after} is not the position of any event`);
        this.knownCheckpoint = after;
      }
      return { events: [], checkpoint: after };
    }
    const events = rows.map(toRecordedEvent);
    return { events, checkpoint: events[events.length - 1].position };
  }

  async isAtOrBefore(position: number, checkpoint: number): Promise<boolean> {
    if (checkpoint === 0) return false;
    const { rows } = await this.pool.query<{ at_or_before: boolean }>({
      ...SQL.isAtOrBefore,
      values: [position, checkpoint],
    });
    if (rows.length === 0) throw new RangeError(`No event at position ${position} or at checkpoint ${checkpoint}`);
    return rows[0].at_or_before;
  }

  subscribe(handle: (batch: FeedBatch) => Promise<void>, options: SubscribeOptions): Subscription {
    const subscription = new FeedSubscription((o) => this.readAll(o), handle, options, this.listener);
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.listener?.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async appendVia(
    q: Queryable,
    committed: boolean,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new RangeError(`Invalid expected version ${expected}`);
    }
    const prepared = events.map(prepareEvent);
    if (expected === 'any') return this.appendAtHead(q, committed, streamId, prepared);

    const base = expected === 'no_stream' ? 0 : expected;
    let head = await this.headAt(q, committed, streamId, base, expected);
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.tryAppend(q, committed, streamId, prepared, head);
      if (outcome.kind === 'appended') return this.appended(committed, streamId, outcome.result);
      this.heads.forget(streamId);
      if (outcome.kind === 'conflict' || attempt > 0) throw await this.conflict(streamId, expected);
      // Zero rows. Either the stream is behind `base` (a conflict) or the cached hash we chained to was not the
      // stored one (the database changed under this process): re-read once and tell the two apart.
      const fresh = await this.readHead(q, streamId);
      if (fresh.version !== base) throw new ConcurrencyError(streamId, expected, fresh.version);
      head = fresh;
    }
  }

  private async appendAtHead(
    q: Queryable,
    committed: boolean,
    streamId: string,
    prepared: PreparedEvent[],
  ): Promise<AppendResult> {
    // Inside a caller's transaction the head may be its own uncommitted event, which only a read through it sees.
    let head = (committed ? this.heads.get(streamId) : undefined) ?? (await this.readHead(q, streamId));
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.tryAppend(q, committed, streamId, prepared, head);
      if (outcome.kind === 'appended') return this.appended(committed, streamId, outcome.result);
      this.heads.forget(streamId);
      // Inside a caller's transaction the failed statement aborted it; nothing more can be tried there.
      if ((!committed && outcome.kind === 'conflict') || attempt >= this.maxAnyAttempts) {
        throw await this.conflict(streamId, 'any');
      }
      // Back off a little once it is clear that many writers race on this stream.
      if (attempt >= 3) await sleep(Math.random() * attempt);
      head = await this.readHead(q, streamId);
    }
  }

  /** The head an exact-version append must chain to: from the cache when it holds that version, else one read. */
  private async headAt(
    q: Queryable,
    committed: boolean,
    streamId: string,
    base: number,
    expected: ExpectedVersion,
  ): Promise<StreamHead> {
    if (base === 0) return { version: 0, hash: GENESIS_HASH };
    const cached = this.heads.get(streamId);
    if (cached?.version === base) return cached;
    // Rows are never deleted, so a stream known to be past `base` can never be at `base` again.
    if (cached && cached.version > base) throw new ConcurrencyError(streamId, expected, cached.version);
    const head = await this.readHead(q, streamId);
    // Read through a caller's transaction, the head may be its own uncommitted event: not a fact to cache.
    if (committed && head.version > 0) this.heads.remember(streamId, head);
    if (head.version !== base) throw new ConcurrencyError(streamId, expected, head.version);
    return head;
  }

  private async flushAppends(attempts: AppendAttempt[]) {
    if (attempts.length > 1) return appendBatch(this.pool, attempts, this.notify);
    return [{ ok: true as const, value: await appendOne(this.pool, attempts[0], this.notify) }];
  }

  /** One try at appending onto `head`: grouped with other streams' appends on the pool, alone in a caller's transaction. */
  private tryAppend(
    q: Queryable,
    committed: boolean,
    streamId: string,
    prepared: PreparedEvent[],
    head: StreamHead,
  ): Promise<AttemptOutcome> {
    const attempt = buildAttempt(streamId, prepared, head);
    if (committed && this.batcher) return this.batcher.submit(streamId, attempt);
    return appendOne(q, attempt, this.notify);
  }

  private appended(committed: boolean, streamId: string, result: AppendResult): AppendResult {
    if (committed) {
      const last = result.events[result.events.length - 1];
      this.heads.remember(streamId, { version: last.version, hash: last.metadata.hash });
    }
    return result;
  }

  private async readHead(q: Queryable, streamId: string): Promise<StreamHead> {
    const { rows } = await q.query<{ version: number; hash: string }>({ ...SQL.head, values: [streamId] });
    return rows.length === 0 ? { version: 0, hash: GENESIS_HASH } : { version: rows[0].version, hash: rows[0].hash };
  }

  /** Builds the error with the stream's committed version (read from the pool: a caller's transaction may be aborted). */
  private async conflict(streamId: string, expected: ExpectedVersion): Promise<ConcurrencyError> {
    let actual: number | null = null;
    try {
      const head = await this.readHead(this.pool, streamId);
      actual = head.version;
      if (head.version > 0) this.heads.remember(streamId, head);
    } catch {
      // The conflict is the news; the version is only a detail for the message.
    }
    return new ConcurrencyError(streamId, expected, actual);
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
