import type { CaseFact, Instant } from '../events/case-events';
import { redactEvent } from '../events/sensitive-fields';
import { toMillis } from '../values/time';
import { initialCaseState, type CaseState, type KnownFact } from './case-state';
import { applyContents } from './apply-contents';
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
  if (state.factIds[fact.meta.eventId]) return state;
  const facts = [...state.facts, fact];
  if (needsRefold(state, fact)) return project(facts);

  const known: KnownFact = {
    type: fact.event.type,
    version: fact.meta.version,
    occurredAt: fact.meta.occurredAt,
    retracted: false,
  };
  let next: CaseState = {
    ...state,
    facts,
    factIds: { ...state.factIds, [fact.meta.eventId]: known },
    version: fact.meta.version,
  };
  next = applyContents(next, fact);
  if (isStatusBearing(fact.event)) next = { ...applyStatus(next, fact), statusAsOf: fact.meta.occurredAt };
  return next;
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
 */
function project(unordered: readonly CaseFact[]): CaseState {
  const sorted = [...unordered].sort((a, b) => a.meta.version - b.meta.version);
  // After an erasure no sensitive value may survive in a state held in memory (a projector's cache, say).
  const facts = sorted.some((f) => f.event.type === 'CaseErased')
    ? sorted.map((f) => ({ ...f, event: redactEvent(f.event) }))
    : sorted;
  const retracted = new Set<string>();
  for (const f of facts) if (f.event.type === 'FactRetracted') retracted.add(f.event.data.eventId);

  const factIds: Record<string, KnownFact> = {};
  for (const f of facts) {
    const { eventId, version, occurredAt } = f.meta;
    factIds[eventId] = { type: f.event.type, version, occurredAt, retracted: retracted.has(eventId) };
  }
  const counting = facts.filter((f) => f.event.type !== 'FactRetracted' && !retracted.has(f.meta.eventId));

  let state: CaseState = {
    ...initialCaseState,
    facts,
    factIds,
    version: facts.reduce((max, f) => Math.max(max, f.meta.version), 0),
  };
  for (const f of counting) state = applyContents(state, f);
  for (const f of byOccurrence(counting.filter((c) => isStatusBearing(c.event)))) {
    state = { ...applyStatus(state, f), statusAsOf: f.meta.occurredAt };
  }
  return state;
}

function byOccurrence(facts: readonly CaseFact[]): CaseFact[] {
  return [...facts].sort(
    (a, b) => toMillis(a.meta.occurredAt) - toMillis(b.meta.occurredAt) || a.meta.version - b.meta.version,
  );
}
