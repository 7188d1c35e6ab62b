import { type CaseState, evolveAll, foldFacts } from '@casetrack/domain';
import { type EventStore, type RecordedEvent, toCaseFact } from '@casetrack/event-store';
import { StateCache } from '@casetrack/read-model';

/**
 * Case states for the write path: the cached fold plus the events after it, so a write costs the same on a case of
 * ten events and of ten thousand. The cache is only a starting point: the append's expected version is what keeps a
 * decision from being recorded on a state that is no longer the stream's, and a raced append forgets the entry.
 * `cached` is the entry as it is, for a decision that its own append confirms; `current` reads what came after it.
 */
export class CaseStates {
  private readonly cache: StateCache | null;

  /** `capacity` 0 turns the cache off: every load folds the whole stream. */
  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    capacity: number,
  ) {
    this.cache = capacity > 0 ? new StateCache(capacity) : null;
  }

  /** The state this process last knew, without reading: the stream may have moved on since. */
  cached(streamId: string): CaseState | undefined {
    return this.cache?.get(streamId);
  }

  /** The stream's state now: as cached and brought up to date, or folded from the whole stream. */
  async current(streamId: string): Promise<CaseState> {
    const cached = this.cache?.get(streamId);
    if (cached === undefined) return this.remember(streamId, foldStream(await this.store.readStream(streamId)));
    const after = await this.store.readStream(streamId, { fromVersion: cached.version + 1 });
    if (after.length === 0) return cached;
    // Versions are dense and never rewritten; a gap would mean the entry is not what it claims to be.
    if (after[0].version !== cached.version + 1) {
      return this.remember(streamId, foldStream(await this.store.readStream(streamId)));
    }
    return this.remember(streamId, foldOnto(cached, after));
  }

  /**
   * `events` were appended right after `before` (the state the decision was made on). Answers the case with them
   * folded in when the cache folded it, else null.
   */
  appended(streamId: string, before: CaseState, events: readonly RecordedEvent[]): CaseState | null {
    if (this.cache === null) return null;
    if (events.length === 0 || events[0].version !== before.version + 1) {
      this.cache.evict([streamId]);
      return null;
    }
    return this.remember(streamId, foldOnto(before, events));
  }

  /** The entry may no longer be the stream's (a raced or failed append): the next load reads the stream again. */
  forget(streamId: string): void {
    this.cache?.evict([streamId]);
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }

  private remember(streamId: string, state: CaseState): CaseState {
    // A stream with no events is not worth an entry: its first append reads nothing anyway.
    if (this.cache !== null && state.version > 0) this.cache.set(streamId, state);
    return state;
  }
}

function foldStream(events: readonly RecordedEvent[]): CaseState {
  return foldFacts(events.map(toCaseFact));
}

function foldOnto(state: CaseState, events: readonly RecordedEvent[]): CaseState {
  return evolveAll(state, events.map(toCaseFact));
}
