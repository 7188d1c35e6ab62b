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
  readonly ids: string[];
  /** What is known of `ids[i]`, at `known[i]`. */
  readonly known: KnownFact[];
  /** Each id's place, for the first `placed` ids: filled in at the first lookup, then kept up to date by lookups. */
  readonly places: Map<string, number>;
  placed: number;
}

/**
 * Every fact a state has seen, by event id. A record copied per fact made each fold onto a held state cost O(n) in
 * the case's length (V8 copies a large record key by key); this index is shared between a state and the states grown
 * from it instead. All of them read one log of entries, each seeing the first `size` of it, and only the index at the
 * log's end adds to it in place, in O(1): adding to an older index (two facts folded onto one held state) copies the
 * entries it sees first, so no index ever sees an entry added after it. An index never changes once handed out.
 *
 * The map from id to place is built at the first lookup, not with the index: a fold that never looks an id up (a
 * history read, a rebuild's fold) does not pay for hashing thousands of ids, which on a long case cost more per fact
 * than on a short one (the map outgrows the CPU's caches). The write path looks ids up, once per held state.
 *
 * Its entries are private, so `JSON.stringify` goes through `toJSON` (the record it stands for) and equality checks
 * that walk enumerable properties do not see the log, which differs between indices that see the same entries.
 */
export class FactIndex {
  static readonly empty = FactIndex.ofDistinct([], []);

  readonly #log: SharedLog;
  readonly #size: number;

  private constructor(log: SharedLog, size: number) {
    this.#log = log;
    this.#size = size;
  }

  /** A new index of these entries (a later entry for the same id replaces the earlier one, in its place). */
  static of(entries: Iterable<readonly [string, KnownFact]>): FactIndex {
    const ids: string[] = [];
    const known: KnownFact[] = [];
    const places = new Map<string, number>();
    for (const [eventId, fact] of entries) {
      const place = places.get(eventId);
      if (place !== undefined) {
        known[place] = fact;
        continue;
      }
      places.set(eventId, ids.length);
      ids.push(eventId);
      known.push(fact);
    }
    return new FactIndex({ ids, known, places, placed: ids.length }, ids.length);
  }

  /** A new index of `known[i]` for `ids[i]`, ids the caller knows to be distinct (a stream's); it keeps both arrays. */
  static ofDistinct(ids: string[], known: KnownFact[]): FactIndex {
    return new FactIndex({ ids, known, places: new Map(), placed: 0 }, ids.length);
  }

  get size(): number {
    return this.#size;
  }

  get(eventId: string): KnownFact | undefined {
    const log = this.#log;
    for (; log.placed < log.ids.length; log.placed += 1) log.places.set(log.ids[log.placed], log.placed);
    const place = log.places.get(eventId);
    return place !== undefined && place < this.#size ? log.known[place] : undefined;
  }

  has(eventId: string): boolean {
    return this.get(eventId) !== undefined;
  }

  /** This index and one more fact, not seen yet (a fact already seen is the fold's to skip). */
  with(eventId: string, known: KnownFact): FactIndex {
    if (this.has(eventId)) throw new Error(`Fact ${eventId} is in the index already`);
    const log = this.#log.ids.length === this.#size ? this.#log : this.ownCopy();
    log.ids.push(eventId);
    log.known.push(known);
    return new FactIndex(log, log.ids.length);
  }

  /** The entries this index sees, in the order they were added. */
  *entries(): IterableIterator<[string, KnownFact]> {
    const { ids, known } = this.#log;
    for (let place = 0; place < this.#size; place += 1) yield [ids[place], known[place]];
  }

  *values(): IterableIterator<KnownFact> {
    const { known } = this.#log;
    for (let place = 0; place < this.#size; place += 1) yield known[place];
  }

  toJSON(): Record<string, KnownFact> {
    return Object.fromEntries(this.entries());
  }

  private ownCopy(): SharedLog {
    return {
      ids: this.#log.ids.slice(0, this.#size),
      known: this.#log.known.slice(0, this.#size),
      places: new Map(),
      placed: 0,
    };
  }
}
