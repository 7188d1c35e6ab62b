import type { CaseState } from './case-state';

/*
 * The fold's private builder. Folding by returning a new state per fact copies every list and record that the fact
 * grows, so a stream of n facts costs O(n²). A draft copies a list or record of the state it started from once, the
 * first time a fact changes it, and changes its own copy in place afterwards: a whole stream folds in O(n), and one
 * fact folded onto a held state copies only what that fact changes. The state the draft started from is never
 * changed (callers keep old states: the projector's cache, the write path), and the draft is closed once it hands
 * out its state, so nothing changes that state afterwards either.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type ListKey = {
  [K in keyof CaseState]: CaseState[K] extends readonly unknown[] ? K : never;
}[keyof CaseState];
type ItemOf<K extends ListKey> = CaseState[K] extends readonly (infer T)[] ? T : never;

export type RecordKey = 'lawyers' | 'charges' | 'hearings' | 'allegations' | 'complaints';
type EntryOf<K extends RecordKey> = CaseState[K][string];

export class CaseDraft {
  private readonly fields: Mutable<CaseState>;
  /**
   * The lists and records this draft made, the only ones it may change in place. Kept by identity, not by field: a
   * list or record that `set` puts in a field may be held elsewhere (an event's data, say), and is copied first.
   */
  private readonly own = new Set<object>();
  private closed = false;

  constructor(from: CaseState) {
    this.fields = { ...from };
  }

  /** The state as folded so far. Read it, never keep it: it changes with the next fact. */
  get state(): CaseState {
    this.assertOpen();
    return this.fields;
  }

  set(changes: Partial<CaseState>): void {
    this.assertOpen();
    Object.assign(this.fields, changes);
  }

  append<K extends ListKey>(key: K, item: ItemOf<K>): void {
    this.list(key).push(item);
  }

  replaceAt<K extends ListKey>(key: K, index: number, item: ItemOf<K>): void {
    this.list(key)[index] = item;
  }

  put<K extends RecordKey>(key: K, id: string, entry: EntryOf<K>): void {
    this.record(key)[id] = entry;
  }

  remove(key: RecordKey, id: string): void {
    if (!Object.prototype.hasOwnProperty.call(this.fields[key], id)) return;
    delete this.record(key)[id];
  }

  /** Hands out the folded state and closes the draft. */
  finish(): CaseState {
    this.assertOpen();
    this.closed = true;
    return this.fields;
  }

  private list(key: ListKey): unknown[] {
    this.assertOpen();
    const current = this.fields[key];
    if (this.own.has(current)) return current as unknown[];
    const copy = [...current];
    this.own.add(copy);
    (this.fields as Record<ListKey, readonly unknown[]>)[key] = copy;
    return copy;
  }

  private record(key: RecordKey): Record<string, unknown> {
    this.assertOpen();
    const current = this.fields[key];
    if (this.own.has(current)) return current as Record<string, unknown>;
    const copy: Record<string, unknown> = { ...current };
    this.own.add(copy);
    (this.fields as Record<RecordKey, Readonly<Record<string, unknown>>>)[key] = copy;
    return copy;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('A case draft was used after it handed out its state');
  }
}
