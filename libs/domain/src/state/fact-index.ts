import type { CaseEventType, Instant } from '../events/case-events';

/** What the state keeps of every fact it has seen. */
export interface KnownFact {
  readonly type: CaseEventType;
  readonly version: number;
  readonly occurredAt: Instant;
  readonly retracted: boolean;
}

/** The entries every index grown from one another shares, in the order they were added. */
interface SharedLog {
  readonly byId: Map<string, { readonly known: KnownFact; readonly seq: number }>;
  /** How many entries the log holds: the index whose size this is may add in place. */
  size: number;
}

/**
 * Every fact a state has seen, by event id. A record copied per fact made each fold onto a held state cost O(n) in
 * the case's length (V8 copies a large record key by key); this index is shared between a state and the states grown
 * from it instead. All of them read one log of entries, each seeing the first `size` of it, and only the index at the
 * log's end adds to it in place, in O(1): adding to an older index (two facts folded onto one held state) copies the
 * entries it sees first, so no index ever sees an entry added after it. An index never changes once handed out.
 *
 * Its entries are private, so `JSON.stringify` goes through `toJSON` (the record it stands for) and equality checks
 * that walk enumerable properties do not see the log, which differs between indices that see the same entries.
 */
export class FactIndex {
  static readonly empty = new FactIndex({ byId: new Map(), size: 0 }, 0);

  readonly #log: SharedLog;
  readonly #size: number;

  private constructor(log: SharedLog, size: number) {
    this.#log = log;
    this.#size = size;
  }

  /** A new index of these entries (a later entry for the same id replaces the earlier one). */
  static of(entries: Iterable<readonly [string, KnownFact]>): FactIndex {
    const byId: SharedLog['byId'] = new Map();
    for (const [eventId, known] of entries) {
      const seq = byId.get(eventId)?.seq ?? byId.size;
      byId.set(eventId, { known, seq });
    }
    return new FactIndex({ byId, size: byId.size }, byId.size);
  }

  get size(): number {
    return this.#size;
  }

  get(eventId: string): KnownFact | undefined {
    const entry = this.#log.byId.get(eventId);
    return entry !== undefined && entry.seq < this.#size ? entry.known : undefined;
  }

  has(eventId: string): boolean {
    return this.get(eventId) !== undefined;
  }

  /** This index and one more fact, not seen yet (a fact already seen is the fold's to skip). */
  with(eventId: string, known: KnownFact): FactIndex {
    if (this.has(eventId)) throw new Error(`Fact ${eventId} is in the index already`);
    const log = this.#log.size === this.#size ? this.#log : this.ownCopy();
    log.byId.set(eventId, { known, seq: log.size });
    log.size += 1;
    return new FactIndex(log, log.size);
  }

  /** The entries this index sees, in the order they were added. */
  *entries(): IterableIterator<[string, KnownFact]> {
    for (const [eventId, { known, seq }] of this.#log.byId) {
      if (seq < this.#size) yield [eventId, known];
    }
  }

  *values(): IterableIterator<KnownFact> {
    for (const [, known] of this.entries()) yield known;
  }

  toJSON(): Record<string, KnownFact> {
    return Object.fromEntries(this.entries());
  }

  private ownCopy(): SharedLog {
    const byId: SharedLog['byId'] = new Map();
    for (const [eventId, known] of this.entries()) byId.set(eventId, { known, seq: byId.size });
    return { byId, size: byId.size };
  }
}
