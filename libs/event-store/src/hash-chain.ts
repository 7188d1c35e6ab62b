import { createHash } from 'node:crypto';
import type { Json, RecordedEvent, StoredMetadata } from './event-store.port';

/** `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Anything JSON-like; `undefined` members are dropped, exactly as `JSON.stringify` and jsonb do. */
type Canonicalisable = Json | undefined | { [key: string]: Canonicalisable } | readonly Canonicalisable[];

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units) at every depth, no whitespace.
 * jsonb re-orders keys and normalises numbers, so the encoding must not depend on either: sorting removes the
 * first, and a JS number survives the jsonb round trip unchanged, so `JSON.stringify` of it is stable.
 * Built by concatenation because it runs on every append.
 */
export function canonicalJson(value: Canonicalisable): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Non-finite numbers are not JSON');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item = value[i] as Canonicalisable;
      // Inside arrays JSON turns `undefined` into null; do the same so the hash matches what is stored.
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as { [key: string]: Canonicalisable };
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/**
 * True when `value` is made only of plain objects, arrays, strings, finite numbers, booleans and null, i.e. when
 * storing it as JSON and reading it back yields an equal value. Anything else (a Date, a class instance, NaN) is
 * first normalised through JSON, so that what is hashed is what jsonb stores.
 */
export function isPlainJson(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (item === undefined || !isPlainJson(item)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const member = record[key];
    // An undefined member is dropped by JSON and by canonicalJson alike.
    if (member !== undefined && !isPlainJson(member)) return false;
  }
  return true;
}

/** What the hash covers: the event as stored, with its metadata minus `hash` (but with `prevHash` and `recordedAt`). */
export interface HashableEvent {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  data: Json;
  metadata: Omit<StoredMetadata, 'hash'> & { hash?: string };
}

/** SHA-256 (hex) of the canonical encoding of the event's stored form. */
export function computeEventHash(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const stored = {
    eventId: event.eventId,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: { ...metadata } as Canonicalisable,
  };
  return createHash('sha256').update(canonicalJson(stored), 'utf8').digest('hex');
}

export interface ChainBreak {
  version: number;
  eventId: string;
  reason: 'version_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
}

/**
 * Checks one stream's events (ordered by version, starting at version 1) against its hash chain and returns the
 * first break, or null when the chain is intact.
 */
export function verifyStreamChain(events: readonly RecordedEvent[]): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedVersion = 1;
  for (const event of events) {
    if (event.version !== expectedVersion)
      return { version: event.version, eventId: event.eventId, reason: 'version_gap' };
    if (event.metadata.prevHash !== expectedPrev) {
      return { version: event.version, eventId: event.eventId, reason: 'prev_hash_mismatch' };
    }
    if (computeEventHash(event) !== event.metadata.hash) {
      return { version: event.version, eventId: event.eventId, reason: 'hash_mismatch' };
    }
    expectedPrev = event.metadata.hash;
    expectedVersion += 1;
  }
  return null;
}
