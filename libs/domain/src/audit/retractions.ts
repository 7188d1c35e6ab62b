import type { CaseFact } from '../events/case-events';

/**
 * Which facts are retracted, and by which retraction: retracted event id -> the retraction's event id.
 * A retraction cannot itself be retracted (the decider refuses it), so one pass decides every fact.
 */
export function retractionsOf(facts: readonly CaseFact[]): ReadonlyMap<string, CaseFact<RetractionEvent>> {
  const retractions = new Map<string, CaseFact<RetractionEvent>>();
  for (const fact of facts) {
    if (isRetraction(fact)) retractions.set(fact.event.data.eventId, fact);
  }
  return retractions;
}

type RetractionEvent = Extract<CaseFact['event'], { type: 'FactRetracted' }>;

export function isRetraction(fact: CaseFact): fact is CaseFact<RetractionEvent> {
  return fact.event.type === 'FactRetracted';
}
