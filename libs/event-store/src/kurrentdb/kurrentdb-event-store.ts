import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  StreamNotFoundError,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  DuplicateEventError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type FeedBatch,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { HeadCache } from '../postgres/head-cache';
import { CatchUpFeed, type OpenFeed } from './catch-up-feed';
import { reserveEventIds } from './event-id-reservations';
import { isAtOrBeforeCheckpoint, toReadPosition } from './positions';
import { revisionOf, streamStateAt, toConcurrencyError } from './revisions';
import { fromRecord, toEventData, type KurrentRecord } from './serialization';
import { type ChainHead, chainEvents, type PreparedEvent, prepareEvent, recordedUpTo } from '../prepared-event';

export interface KurrentDbEventStoreOptions {
  /**
   * Name prefixes of the streams this store owns: the $all feed is filtered to them (server-side) and appends to
   * any other stream are refused, so nothing written here can be missed by the projector. Default `case-`.
   */
  streamPrefixes?: readonly string[];
  /** How many stream heads (version + hash) to remember so an append need not read the previous event. */
  headCacheSize?: number;
  /** How often an `'any'` append re-reads the head and tries again after losing a race. Default 50. */
  maxAnyAttempts?: number;
}

/** A copied event found in the target with another id or hash than the source's: the copy must not go on. */
export class ReplicaMismatchError extends Error {
  constructor(
    readonly streamId: string,
    readonly version: number,
  ) {
    super(`${streamId} version ${version} already exists in KurrentDB with another event id or hash`);
    this.name = 'ReplicaMismatchError';
  }
}

export type ReplicateOutcome = 'written' | 'present';

/**
 * The KurrentDB adapter. Semantics are the PostgreSQL adapter's (the shared contract suite runs against both):
 * expected versions map to exact stream states (revisions.ts), positions are $all commit positions (positions.ts),
 * each event carries the same StoredMetadata and hash chain (serialization.ts), event ids are unique store-wide
 * (event-id-reservations.ts), and the feed is a catch-up subscription on $all filtered to the project's prefixes.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly prefixes: readonly string[];
  private readonly heads: HeadCache;
  private readonly maxAnyAttempts: number;
  private readonly subscriptions = new Set<CatchUpFeed>();

  constructor(clientOrConnectionString: KurrentDBClient | string, options: KurrentDbEventStoreOptions = {}) {
    if (typeof clientOrConnectionString === 'string') {
      this.client = KurrentDBClient.connectionString(clientOrConnectionString);
      this.ownsClient = true;
    } else {
      this.client = clientOrConnectionString;
      this.ownsClient = false;
    }
    this.prefixes = options.streamPrefixes ?? ['case-'];
    if (this.prefixes.length === 0 || this.prefixes.some((p) => p.length === 0)) {
      throw new RangeError('streamPrefixes must be non-empty prefixes');
    }
    this.heads = new HeadCache(options.headCacheSize ?? 10_000);
    this.maxAnyAttempts = options.maxAnyAttempts ?? 50;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new RangeError(`Invalid expected version ${expected}`);
    }
    this.assertOwnStream(streamId);
    const prepared = events.map(prepareEvent);
    await this.claimIds(streamId, prepared);
    if (expected === 'any') return this.appendAtHead(streamId, prepared);
    const base = expected === 'no_stream' ? 0 : expected;
    return this.write(streamId, await this.headAt(streamId, base, expected), prepared, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const toVersion = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    const fromVersion = Math.max(1, options.fromVersion ?? 1);
    if (toVersion < fromVersion) return [];
    const events = await this.readRange(streamId, fromVersion, toVersion - fromVersion + 1);
    const last = events.at(-1);
    if (last) this.heads.remember(streamId, { version: last.version, hash: last.metadata.hash });
    return recordedUpTo(events, options.recordedUpTo);
  }

  async streamVersion(streamId: string): Promise<number> {
    const head = await this.readHead(streamId);
    if (head.version > 0) this.heads.remember(streamId, head);
    return head.version;
  }

  async readAll(options: ReadAllOptions): Promise<FeedBatch> {
    const after = options.after ?? 0;
    if (!Number.isSafeInteger(options.limit) || options.limit < 1)
      throw new RangeError(`Invalid limit ${options.limit}`);
    const events: RecordedEvent[] = [];
    // A read from a position includes the event at it; ask for one more and drop it.
    const reads = this.client.readAll({
      fromPosition: toReadPosition(after),
      maxCount: after === 0 ? options.limit : options.limit + 1,
      direction: FORWARDS,
      filter: this.filter(),
    });
    for await (const resolved of reads) {
      if (!resolved.event) continue;
      const event = fromRecord(resolved.event as KurrentRecord);
      if (event.position > after && events.length < options.limit) events.push(event);
    }
    return { events, checkpoint: events.length === 0 ? after : events[events.length - 1].position };
  }

  subscribe(handle: (batch: FeedBatch) => Promise<void>, options: SubscribeOptions): Subscription {
    toReadPosition(options.from);
    const feed = new CatchUpFeed((after) => this.openFeed(after), handle, options);
    this.subscriptions.add(feed);
    void feed.stopped.then(() => this.subscriptions.delete(feed));
    return feed;
  }

  async isAtOrBefore(position: number, checkpoint: number): Promise<boolean> {
    return isAtOrBeforeCheckpoint(position, checkpoint);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsClient) await this.client.dispose();
  }

  /**
   * Writes events exactly as another store recorded them (ids, versions, both times, prevHash and hash untouched):
   * the copy from PostgreSQL. Whatever of them the target already holds must be identical, so a resumed copy skips
   * it, and anything else is a ReplicaMismatchError. `events` are consecutive versions of `streamId`.
   */
  async replicate(streamId: string, events: readonly RecordedEvent[]): Promise<ReplicateOutcome> {
    if (events.length === 0) throw new RangeError('replicate needs at least one event');
    this.assertOwnStream(streamId);
    events.forEach((event, i) => {
      if (event.streamId !== streamId || event.version !== events[0].version + i) {
        throw new RangeError(`replicate needs consecutive versions of ${streamId}`);
      }
    });
    const claims = await reserveEventIds(
      this.client,
      streamId,
      events.map((e) => e.eventId),
    );
    const taken = [...claims].filter(([, outcome]) => outcome === 'other_stream').map(([id]) => id);
    if (taken.length > 0) throw new DuplicateEventError(streamId, taken);

    const present = await this.readRange(streamId, events[0].version, events.length);
    present.forEach((stored, i) => {
      if (stored.eventId !== events[i].eventId || stored.metadata.hash !== events[i].metadata.hash) {
        throw new ReplicaMismatchError(streamId, stored.version);
      }
    });
    const rest = events.slice(present.length);
    if (rest.length === 0) return 'present';
    try {
      await this.client.appendToStream(streamId, rest.map(toEventData), {
        streamState: streamStateAt(rest[0].version - 1),
      });
    } catch (error) {
      throw toConcurrencyError(error, streamId, rest[0].version - 1) ?? error;
    }
    return 'written';
  }

  private async appendAtHead(streamId: string, prepared: PreparedEvent[]): Promise<AppendResult> {
    let head = this.heads.get(streamId) ?? (await this.readHead(streamId));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.write(streamId, head, prepared, 'any');
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= this.maxAnyAttempts) throw error;
      }
      // Back off a little once it is clear that many writers race on this stream.
      if (attempt >= 3) await sleep(Math.random() * attempt);
      head = await this.readHead(streamId);
    }
  }

  /** The head an exact-version append chains to: from the cache when it holds that version, else one read. */
  private async headAt(streamId: string, base: number, expected: ExpectedVersion): Promise<ChainHead> {
    if (base === 0) return { version: 0, hash: GENESIS_HASH };
    const cached = this.heads.get(streamId);
    // Events are immutable, so a cached hash is right for its version whatever happened since.
    if (cached?.version === base) return cached;
    if (cached && cached.version > base) throw new ConcurrencyError(streamId, expected, cached.version);
    const [event] = await this.readRange(streamId, base, 1);
    if (!event) throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
    return { version: base, hash: event.metadata.hash };
  }

  /**
   * Appends with the exact stream state of `head`, then reads the events back: KurrentDB answers a repeated append
   * of ids it already holds at that place with success and writes nothing, and only the stored hashes tell that
   * apart from our own write. The read also yields each event's position.
   */
  private async write(
    streamId: string,
    head: ChainHead,
    prepared: PreparedEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const recorded = chainEvents(streamId, head, prepared, new Date().toISOString());
    try {
      await this.client.appendToStream(streamId, recorded.map(toEventData), {
        streamState: streamStateAt(head.version),
      });
    } catch (error) {
      this.heads.forget(streamId);
      throw toConcurrencyError(error, streamId, expected) ?? error;
    }
    const stored = await this.readRange(streamId, head.version + 1, recorded.length);
    const ours =
      stored.length === recorded.length &&
      stored.every((event, i) => event.metadata.hash === recorded[i].metadata.hash);
    if (!ours) {
      this.heads.forget(streamId);
      throw new DuplicateEventError(
        streamId,
        prepared.map((e) => e.eventId),
      );
    }
    const last = stored[stored.length - 1];
    this.heads.remember(streamId, { version: last.version, hash: last.metadata.hash });
    return { version: last.version, position: last.position, events: stored };
  }

  /** Store-wide unique ids: claim each, and refuse ids claimed for another stream or already in this one. */
  private async claimIds(streamId: string, prepared: PreparedEvent[]): Promise<void> {
    const ids = prepared.map((e) => e.eventId);
    const claims = await reserveEventIds(this.client, streamId, ids);
    const outcomes = [...claims.values()];
    if (outcomes.every((outcome) => outcome === 'new')) return;
    if (outcomes.includes('other_stream')) throw new DuplicateEventError(streamId, ids);
    // Claimed for this stream by an earlier attempt: a duplicate only if that attempt's events were stored.
    const stored = new Set((await this.readRange(streamId, 1, Number.MAX_SAFE_INTEGER)).map((e) => e.eventId));
    if (ids.some((id) => stored.has(id))) throw new DuplicateEventError(streamId, ids);
  }

  private async readHead(streamId: string): Promise<ChainHead> {
    const [last] = await this.read(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? { version: last.version, hash: last.metadata.hash } : { version: 0, hash: GENESIS_HASH };
  }

  private readRange(streamId: string, fromVersion: number, count: number): Promise<RecordedEvent[]> {
    return this.read(streamId, { direction: FORWARDS, fromRevision: revisionOf(fromVersion), maxCount: count });
  }

  private async read(
    streamId: string,
    options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount: number },
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(fromRecord(resolved.event as KurrentRecord));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  private openFeed(after: number): OpenFeed {
    const subscription = this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: this.filter() });
    async function* events(): AsyncGenerator<RecordedEvent> {
      for await (const resolved of subscription) {
        if (!resolved.event) continue;
        const event = fromRecord(resolved.event as KurrentRecord);
        // Whether the server repeats the event at the starting position or not, it was delivered already.
        if (event.position > after) yield event;
      }
    }
    return { events: events(), close: () => subscription.unsubscribe() };
  }

  private filter(): Filter {
    return streamNameFilter({ prefixes: [...this.prefixes] });
  }

  private assertOwnStream(streamId: string): void {
    if (!this.prefixes.some((prefix) => streamId.startsWith(prefix))) {
      throw new RangeError(`Stream ${streamId} is outside this store's prefixes (${this.prefixes.join(', ')})`);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
