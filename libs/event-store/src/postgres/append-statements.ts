import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { DuplicateEventError, type AppendResult, type RecordedEvent } from '../event-store.port';
import { chainEvents, type PreparedEvent } from '../prepared-event';
import type { Settled } from './append-batcher';
import type { StreamHead } from './head-cache';
import { EVENT_ID_CONSTRAINT, SQL, STREAM_VERSION_CONSTRAINT } from './sql';

/** Anything that runs a query: the store's pool, or a caller's client (possibly inside its transaction). */
export interface Queryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

/** One append's events, chained to the head it expects, in the form both statements take. */
export interface AppendAttempt {
  streamId: string;
  head: StreamHead;
  recordedAt: string;
  /** The events as they will read back, positions filled in once stored. */
  recorded: RecordedEvent[];
  metadataTexts: string[];
  dataTexts: string[];
}

export type AttemptOutcome =
  | { kind: 'appended'; result: AppendResult }
  /** The unique (stream_id, version) constraint fired: someone else wrote that version. */
  | { kind: 'conflict' }
  /** Zero rows: the stream does not hold the version we chained to, or holds it with another hash. */
  | { kind: 'not_at_head' };

/**
 * Chains and hashes the events onto `head`. recordedAt is set here rather than by the server's now(): the hash must
 * cover the stored recordedAt, and knowing it before the INSERT is what lets the append be a single statement. The
 * row's recorded_at column gets the same instant, so the two never disagree.
 */
export function buildAttempt(streamId: string, prepared: readonly PreparedEvent[], head: StreamHead): AppendAttempt {
  const recordedAt = new Date().toISOString();
  const recorded = chainEvents(streamId, head, prepared, recordedAt);
  return {
    streamId,
    head,
    recordedAt,
    recorded,
    metadataTexts: recorded.map((event) => JSON.stringify(event.metadata)),
    dataTexts: prepared.map((event) => event.dataText),
  };
}

/** Runs one append in its own statement (on the pool, or inside a caller's transaction). */
export async function appendOne(q: Queryable, attempt: AppendAttempt, notify: boolean): Promise<AttemptOutcome> {
  const { recorded, head } = attempt;
  const [first] = recorded;
  // The common single event goes as scalars: cheaper to encode and plan than one-element arrays.
  let statement: { name: string; text: string } = notify ? SQL.appendOneAndNotify : SQL.appendOne;
  let columns: unknown[] = [
    first.eventId,
    first.type,
    attempt.dataTexts[0],
    attempt.metadataTexts[0],
    first.metadata.prevHash,
    first.metadata.hash,
  ];
  if (recorded.length > 1) {
    const c = eventColumns([attempt]);
    statement = notify ? SQL.appendManyAndNotify : SQL.appendMany;
    columns = [c.ids, c.types, c.data, c.metadata, c.prevHashes, c.hashes];
  }
  let rows: Array<{ position: string; version: number }>;
  try {
    ({ rows } = await q.query<{ position: string; version: number }>({
      ...statement,
      values: [attempt.streamId, head.version, attempt.recordedAt, ...columns, head.hash],
    }));
  } catch (error) {
    return outcomeOfError(attempt, error);
  }
  return outcomeOfRows(attempt, rows);
}

/**
 * Runs several streams' appends in one statement, one round trip and one commit. When the statement fails on
 * something a single append could cause (a version taken, a duplicate event id, a refused value), no row of it was
 * stored, and each append is run again on its own, so each caller gets exactly the outcome it would have had alone.
 * A failure of the connection itself is every caller's error, as it would have been alone.
 */
export async function appendBatch(
  q: Queryable,
  attempts: readonly AppendAttempt[],
  notify: boolean,
): Promise<Array<Settled<AttemptOutcome>>> {
  const c = eventColumns(attempts);
  let rows: Array<{ position: string; stream_id: string; version: number }>;
  try {
    ({ rows } = await q.query<{ position: string; stream_id: string; version: number }>({
      ...(notify ? SQL.appendBatchAndNotify : SQL.appendBatch),
      values: [
        c.streamIds,
        c.bases,
        c.baseHashes,
        c.recordedAts,
        c.ids,
        c.versions,
        c.types,
        c.data,
        c.metadata,
        c.prevHashes,
        c.hashes,
      ],
    }));
  } catch (error) {
    if (!isStatementError(error)) throw error;
    return Promise.all(attempts.map((attempt) => settle(appendOne(q, attempt, notify))));
  }
  const byStream = new Map<string, Array<{ position: string; version: number }>>();
  for (const row of rows) {
    const list = byStream.get(row.stream_id);
    if (list) list.push(row);
    else byStream.set(row.stream_id, [row]);
  }
  return attempts.map((attempt) => ({ ok: true, value: outcomeOfRows(attempt, byStream.get(attempt.streamId) ?? []) }));
}

/** Every event of the attempts as one array per column (one element per event), as the array statements take them. */
function eventColumns(attempts: readonly AppendAttempt[]) {
  const c = {
    streamIds: [] as string[],
    bases: [] as number[],
    baseHashes: [] as string[],
    recordedAts: [] as string[],
    ids: [] as string[],
    versions: [] as number[],
    types: [] as string[],
    data: [] as string[],
    metadata: [] as string[],
    prevHashes: [] as string[],
    hashes: [] as string[],
  };
  for (const attempt of attempts) {
    attempt.recorded.forEach((event, i) => {
      c.streamIds.push(attempt.streamId);
      c.bases.push(attempt.head.version);
      c.baseHashes.push(attempt.head.hash);
      c.recordedAts.push(attempt.recordedAt);
      c.ids.push(event.eventId);
      c.versions.push(event.version);
      c.types.push(event.type);
      c.data.push(attempt.dataTexts[i]);
      c.metadata.push(attempt.metadataTexts[i]);
      c.prevHashes.push(event.metadata.prevHash);
      c.hashes.push(event.metadata.hash);
    });
  }
  return c;
}

function outcomeOfRows(
  attempt: AppendAttempt,
  rows: ReadonlyArray<{ position: string; version: number }>,
): AttemptOutcome {
  if (rows.length === 0) return { kind: 'not_at_head' };
  const { recorded, head } = attempt;
  for (const row of rows) recorded[row.version - head.version - 1].position = Number(row.position);
  const last = recorded[recorded.length - 1];
  return { kind: 'appended', result: { version: last.version, position: last.position, events: recorded } };
}

function outcomeOfError(attempt: AppendAttempt, error: unknown): AttemptOutcome {
  if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) return { kind: 'conflict' };
  if (isUniqueViolation(error, EVENT_ID_CONSTRAINT)) {
    throw new DuplicateEventError(
      attempt.streamId,
      attempt.recorded.map((event) => event.eventId),
    );
  }
  throw error;
}

function isUniqueViolation(error: unknown, constraintName: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === constraintName;
}

/**
 * An error the server raised for the statement's rows (integrity constraint, invalid value): the statement rolled
 * back, the connection is fine. Not a lost connection (08), a shutdown (57) or a timeout, whose outcome is unknown.
 */
function isStatementError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'));
}

async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}
