import { type CaseState, isInCustody } from './case-state';

/**
 * Since when a case has waited for a coordinator, as epoch milliseconds (null: it does not wait for that reason):
 * nobody knows where the person is (since the status became `missing`), or the person is in custody with no lawyer
 * assigned. The reminders' escalations and the escalation queue both read it, so they never disagree.
 */
export interface EscalationSince {
  unlocated: number | null;
  noLawyer: number | null;
}

export function escalationSince(state: CaseState): EscalationSince {
  const unlocated = state.status === 'missing' && state.statusAsOf ? Date.parse(state.statusAsOf) : null;
  const noLawyer = isInCustody(state.status) && Object.keys(state.lawyers).length === 0 ? noLawyerSince(state) : null;
  return { unlocated, noLawyer };
}

/**
 * The later of the start of custody (the latest detention, else the latest change of status) and the latest
 * unassignment that still counts. A transfer does not restart it.
 */
function noLawyerSince(state: CaseState): number | null {
  const detentions = state.detentions.map((d) => Date.parse(d.occurredAt));
  const custodyStart = detentions.length ? Math.max(...detentions) : state.statusAsOf && Date.parse(state.statusAsOf);
  if (!custodyStart) return null;
  let since = custodyStart;
  for (const fact of state.facts) {
    if (fact.event.type !== 'LawyerUnassigned' || state.factIds.get(fact.meta.eventId)?.retracted) continue;
    since = Math.max(since, Date.parse(fact.meta.occurredAt));
  }
  return since;
}
