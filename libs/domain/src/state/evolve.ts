import type { CaseFact, Instant } from '../events/case-events';
import { redactEvent } from '../events/sensitive-fields';
import { toMillis } from '../values/time';
import { initialCaseState, type CaseState, type KnownFact } from './case-state';
import { applyContents } from './apply-contents';
import { CaseDraft } from './case-draft';
import { FactIndex } from './fact-index';
import { applyStatus, isStatusBearing } from './apply-status';

/**
 * Folds one fact into the state. Pure: no clock, no I/O.
 *
 * The cheap path applies the fact on top of the state. Two things need a refold from the facts
 * the state keeps instead:
 * - a retraction: the state must be as if the retracted fact had never counted;
 * - late news: a status-bearing fact that occurred before the latest one already folded must
 *   take its place in occurredAt order (a detention recorded late must not undo a release).
 * A fact already seen (same eventId) is ignored, so replaying a stream twice is harmless.
 */
export function evolve(state: CaseState, fact: CaseFact): CaseState {
  return evolveAll(state, [fact]);
}

/**
 * Folds facts onto a state one after the other, as `facts.reduce(evolve, state)` does, but on one draft: what the
 * state keeps (its facts, lists, records) is copied once for the whole batch, not once per fact, so a batch of k
 * facts onto a case of n costs O(n + k) rather than O(n·k) (a projector's batch, say). A refold starts a new draft.
 * The O(n) left is the copy of the `facts` list (a few microseconds at thousands of facts); `factIds` is shared
 * between a state and the states folded from it (fact-index.ts).
 */
export function evolveAll(state: CaseState, facts: readonly CaseFact[]): CaseState {
  let folded = state;
  let draft: CaseDraft | null = null;
  for (const fact of facts) {
    const current = draft === null ? folded : draft.state;
    if (current.factIds.has(fact.meta.eventId)) continue;
    if (needsRefold(current, fact)) {
      folded = project([...current.facts, fact]);
      draft = null;
      continue;
    }
    draft ??= new CaseDraft(folded);
    foldOnto(draft, fact);
  }
  return draft === null ? folded : draft.finish();
}

/** The cheap path: the fact on top of what is folded already. */
function foldOnto(draft: CaseDraft, fact: CaseFact): void {
  draft.append('facts', fact);
  draft.set({ factIds: draft.state.factIds.with(fact.meta.eventId, known(fact, false)) });
  draft.set({ version: fact.meta.version });
  applyContents(draft, fact);
  if (isStatusBearing(fact.event)) {
    applyStatus(draft, fact);
    draft.set({ statusAsOf: fact.meta.occurredAt });
  }
}

export function foldFacts(facts: readonly CaseFact[]): CaseState {
  return facts.length === 0 ? initialCaseState : project(facts);
}

export type TimeAxis = 'occurred' | 'recorded';

/**
 * The case as it stood at `at`: on the `recorded` axis, what we knew then; on the `occurred`
 * axis, what had happened by then as we know it now (every retraction counts, and the case is
 * taken as opened even if it was reported after the facts).
 */
export function stateAsOf(state: CaseState, at: Instant, axis: TimeAxis): CaseState {
  const cutoff = toMillis(at);
  const kept = state.facts.filter((f) => {
    if (axis === 'recorded') return toMillis(f.meta.recordedAt) <= cutoff;
    if (f.event.type === 'CaseOpened' || f.event.type === 'FactRetracted') return true;
    return toMillis(f.meta.occurredAt) <= cutoff;
  });
  return foldFacts(kept);
}

function needsRefold(state: CaseState, fact: CaseFact): boolean {
  if (fact.event.type === 'FactRetracted' || fact.event.type === 'CaseErased') return true;
  if (fact.meta.version <= state.version) return true;
  if (!isStatusBearing(fact.event) || state.statusAsOf === null) return false;
  return toMillis(fact.meta.occurredAt) < toMillis(state.statusAsOf);
}

/**
 * The state from scratch: what the case holds in stream order, then status-bearing facts in
 * (occurredAt, version) order, leaving out retracted facts and the retractions themselves.
 * One draft folds them all, so each fact costs the same however long the stream; the facts are
 * walked as few times as possible, since on a long case walking them is most of the cost.
 */
function project(unordered: readonly CaseFact[]): CaseState {
  const { facts, retracted } = inStreamOrder(unordered);

  const ids: string[] = [];
  const seen: KnownFact[] = [];
  const draft = new CaseDraft(initialCaseState);
  draft.set({ facts, version: facts[facts.length - 1].meta.version });
  const statusFacts: CaseFact[] = [];
  const statusAt: number[] = [];
  for (const f of facts) {
    const isRetracted = retracted.has(f.meta.eventId);
    ids.push(f.meta.eventId);
    seen.push(known(f, isRetracted));
    if (isRetracted || f.event.type === 'FactRetracted') continue;
    applyContents(draft, f);
    if (isStatusBearing(f.event)) {
      statusFacts.push(f);
      statusAt.push(toMillis(f.meta.occurredAt));
    }
  }
  draft.set({ factIds: FactIndex.ofDistinct(ids, seen) });
  const byOccurrence = inOccurrenceOrder(statusFacts, statusAt);
  for (const f of byOccurrence) applyStatus(draft, f);
  // No status rule reads statusAsOf: the latest occurredAt is set once, after them all.
  if (byOccurrence.length > 0) draft.set({ statusAsOf: byOccurrence[byOccurrence.length - 1].meta.occurredAt });
  return draft.finish();
}

/** A copy in version order (after an erasure, with every sensitive value redacted), and the ids it retracts. */
function inStreamOrder(given: readonly CaseFact[]): { facts: CaseFact[]; retracted: Set<string> } {
  const retracted = new Set<string>();
  let ordered = true;
  let erased = false;
  let previous = -Infinity;
  for (const { event, meta } of given) {
    if (meta.version < previous) ordered = false;
    previous = meta.version;
    if (event.type === 'FactRetracted') retracted.add(event.data.eventId);
    else if (event.type === 'CaseErased') erased = true;
  }
  const sorted = ordered ? [...given] : [...given].sort((a, b) => a.meta.version - b.meta.version);
  // After an erasure no sensitive value may survive in a state held in memory (a projector's cache, say).
  const facts = erased ? sorted.map((f) => ({ ...f, event: redactEvent(f.event) })) : sorted;
  return { facts, retracted };
}

function known(fact: CaseFact, retracted: boolean): KnownFact {
  const { version, occurredAt } = fact.meta;
  return { type: fact.event.type, version, occurredAt, retracted };
}

/**
 * The facts (in version order) in (occurredAt, version) order, given each one's instant in milliseconds. The sort is
 * stable, so sorting on the instant alone keeps version order among equal instants; facts already in order (no late
 * news) are not sorted at all.
 */
function inOccurrenceOrder(facts: readonly CaseFact[], at: readonly number[]): readonly CaseFact[] {
  if (at.every((millis, i) => i === 0 || at[i - 1] <= millis)) return facts;
  return facts
    .map((_fact, i) => i)
    .sort((i, j) => at[i] - at[j])
    .map((i) => facts[i]);
}
