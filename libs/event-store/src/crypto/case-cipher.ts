import {
  copyJson,
  forEachSensitiveField,
  redactEvent,
  redactField,
  sealingCaseOf,
  type CaseEvent,
} from '@casetrack/domain';
import { caseIdOf } from '../case-streams';
import type { Json, NewEvent, RecordedEvent } from '../event-store.port';
import { DecryptionError, open, seal } from './aes-gcm';
import type { CaseKey, CaseKeyStore } from './case-key-store';

/** What a sealed field reads as when its ciphertext no longer opens (it was altered in the database). */
export const UNREADABLE_TEXT = '[unreadable]';

/**
 * How a sealed field is stored: an object no validated input can produce, so it is never confused with a value.
 * `by` names the case whose key sealed it when that is not the stream's own (see sealingCaseOf).
 */
interface SealedField {
  $sealed: string;
  by?: string;
}

function isSealed(value: unknown): value is SealedField {
  return typeof value === 'object' && value !== null && typeof (value as SealedField).$sealed === 'string';
}

/** Binds a ciphertext to its case, event and field, so it cannot be moved elsewhere and still open. */
function placeOf(caseId: string, eventId: string, path: string): string {
  return `${caseId}/${eventId}/${path}`;
}

function hasSensitiveFields(type: string, data: Json): boolean {
  let found = false;
  forEachSensitiveField(type, data, () => (found = true));
  return found;
}

/**
 * Encrypts the sensitive fields of case events before they are stored and decrypts them when read.
 * The store hashes what it stores, so the hash chain covers the encrypted form and still verifies after
 * a key is destroyed; from then on those fields read as erased.
 */
export class CaseCipher {
  constructor(private readonly keys: CaseKeyStore) {}

  async seal(caseId: string, events: NewEvent[]): Promise<NewEvent[]> {
    // Whose key seals each event's typed words; null: the event has none.
    const owners = events.map((event) =>
      hasSensitiveFields(event.type, event.data) ? (sealingCaseOf(event.type, event.data) ?? caseId) : null,
    );
    if (owners.every((owner) => owner === null)) return events;
    const keys = new Map<string, CaseKey>();
    for (const owner of new Set([caseId, ...owners])) {
      if (owner !== null) keys.set(owner, await this.keys.findOrCreate(owner));
    }
    return events.map((event, index) => {
      const owner = owners[index];
      if (owner === null) return event;
      // Nothing sensitive is written to a case whose key is gone, nor under another case's key that is gone.
      const key = keys.get(caseId)?.kind === 'erased' ? ERASED_KEY : (keys.get(owner) as CaseKey);
      const by = owner === caseId ? undefined : owner;
      return { ...event, data: this.sealData(caseId, event.eventId, event.type, event.data, key, by) };
    });
  }

  /**
   * Decrypts the events of any streams; events of streams that are not cases pass through. Events stored before a
   * field became sensitive hold it in plaintext (stored events are never rewritten): they read as they are while the
   * case has its key, and erased once it has not, like the sealed ones.
   */
  async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyed = new Set<string>();
    const needed = new Set<string>();
    for (const event of events) {
      const caseId = caseIdOf(event.streamId);
      if (!caseId || !(hasSealed(event.data) || hasSensitiveFields(event.type, event.data))) continue;
      keyed.add(caseId);
      needed.add(caseId);
      const owner = sealingCaseOf(event.type, event.data);
      if (owner !== null) needed.add(owner);
    }
    // One query for all the keys of a batch: a projector batch touches hundreds of cases.
    const keys = needed.size ? await this.keys.findMany([...needed]) : new Map<string, CaseKey>();
    return events.map((event) => {
      const caseId = caseIdOf(event.streamId);
      if (!caseId || !keyed.has(caseId)) return event;
      const key = keys.get(caseId) ?? null;
      if (key?.kind !== 'erased' && !hasSealed(event.data)) return event;
      return { ...event, data: this.openData(caseId, event, key, keys) };
    });
  }

  /** Destroys the case's key: its sensitive fields read as erased everywhere from now on. */
  erase(caseId: string): Promise<void> {
    return this.keys.destroy(caseId);
  }

  private sealData(caseId: string, eventId: string, type: string, data: Json, key: CaseKey, by?: string): Json {
    if (key.kind === 'erased') {
      // Nothing sensitive is written to a case whose key is gone.
      return redactEvent({ type, data } as unknown as CaseEvent).data as unknown as Json;
    }
    const copy = copyJson(data);
    forEachSensitiveField(type, copy, (parent, field, path) => {
      const plaintext = Buffer.from(JSON.stringify(parent[field]), 'utf8');
      const $sealed = seal(key.key, plaintext, placeOf(caseId, eventId, path)).toString('base64');
      parent[field] = by === undefined ? { $sealed } : { $sealed, by };
    });
    return copy;
  }

  private openData(caseId: string, event: RecordedEvent, key: CaseKey | null, keys: Map<string, CaseKey>): Json {
    if (key === null || key.kind === 'erased') {
      return redactEvent({ type: event.type, data: event.data } as unknown as CaseEvent).data as unknown as Json;
    }
    const copy = copyJson(event.data);
    forEachSensitiveField(event.type, copy, (parent, field, path, kind) => {
      const value = parent[field];
      if (!isSealed(value)) return;
      const sealer = value.by === undefined ? key : keys.get(value.by);
      if (sealer?.kind !== 'key') {
        // Sealed under another case's key, destroyed with that case's erasure.
        redactField(parent, field, kind);
        return;
      }
      try {
        const plaintext = open(sealer.key, Buffer.from(value.$sealed, 'base64'), placeOf(caseId, event.eventId, path));
        parent[field] = JSON.parse(plaintext.toString('utf8')) as unknown;
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        // A ciphertext changed after it was stored: the chain reports where; the reader sees that it is unreadable.
        if (kind === 'list') parent[field] = [];
        else parent[field] = UNREADABLE_TEXT;
      }
    });
    return copy;
  }
}

const ERASED_KEY: CaseKey = { kind: 'erased' };

/** Whether stored data holds a sealed field anywhere. */
export function hasSealed(data: Json): boolean {
  if (isSealed(data)) return true;
  if (Array.isArray(data)) return data.some(hasSealed);
  if (typeof data === 'object' && data !== null) return Object.values(data).some(hasSealed);
  return false;
}
