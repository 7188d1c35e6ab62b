/**
 * The event store port. Adapters: PostgreSQL (default) and, later, KurrentDB.
 * Every adapter must pass the shared contract suite in `test/event-store/`.
 */

/** JSON-safe value, as stored. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Stream metadata written with every event. The store fills `recordedAt`, `prevHash`
 * and `hash`; the caller supplies the rest.
 */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string | null;
  /** Absent when the precision is `unknown` and no bound was given: the fact happened no later than `recordedAt`. */
  occurredAt?: string;
  occurredAtPrecision: string;
  /** The writer's calendar day, month or year, with precision `day`, `month` or `year`. */
  occurredOn?: string;
  idempotencyKey?: string;
  /** The imported list and its row the fact came from (issue 17): covered by the hash like the rest. */
  importedFrom?: ImportedFrom;
  schemaVersion: number;
}

/**
 * Where an imported fact came from: the import and the row of its file (numbered as the file shows it). A type, not
 * an interface, so that it stays assignable to the JSON the hash chain canonicalises.
 */
export type ImportedFrom = { importId: string; row: number };

export interface StoredMetadata extends EventMetadata {
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export interface NewEvent {
  eventId: string;
  type: string;
  data: Json;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  /** 1 for the first event of a stream. */
  version: number;
  /** Global position, unique and increasing in append order across all streams. */
  position: number;
  type: string;
  data: Json;
  metadata: StoredMetadata;
}

/** `any`: append whatever the stream holds; `no_stream`: the stream must not exist; a number: the stream must be at exactly that version. */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  /** Global position of the last event appended. */
  position: number;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** Only events from this version on (a reader that already holds the ones before it). */
  fromVersion?: number;
  /** Only events up to and including this version. */
  toVersion?: number;
  /** Only events recorded at or before this instant. */
  recordedUpTo?: Date;
}

export interface ReadAllOptions {
  /** Deliver events strictly after this checkpoint; 0 (or omitted) means from the beginning. */
  after?: number;
  /** Maximum number of events to return. */
  limit: number;
}

export interface FeedBatch {
  events: RecordedEvent[];
  /** The checkpoint to store once the batch is applied: the position of its last event. */
  checkpoint: number;
}

export interface SubscribeOptions {
  from: number;
  batchSize?: number;
  /** How long to wait before polling again when the feed is drained. */
  idleMs?: number;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops after the batch in progress; resolves when the subscription has stopped. */
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current version of a stream, 0 if it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /**
   * The global feed in a total order that never skips an event committed late and keeps each
   * stream's events in version order. Checkpoints are positions of delivered events.
   */
  readAll(options: ReadAllOptions): Promise<FeedBatch>;
  /** Calls `handle` with each batch in feed order; the next batch waits for the handler. */
  subscribe(handle: (batch: FeedBatch) => Promise<void>, options: SubscribeOptions): Subscription;
  /** True if the event at `position` is delivered by the feed at or before `checkpoint`. */
  isAtOrBefore(position: number, checkpoint: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Injection token of the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The adapter itself, with events in their stored (sealed) form: for verification, which hashes what is stored. */
export const STORED_EVENT_STORE = Symbol('STORED_EVENT_STORE');

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId} is not at the expected version ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * An event with this `eventId` is already stored (the ids are unique across the store). Usually a retried request
 * whose first attempt was recorded; nothing of this append was written.
 */
export class DuplicateEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`An event of this append to ${streamId} is already stored (event ids ${eventIds.join(', ')})`);
    this.name = 'DuplicateEventError';
  }
}
