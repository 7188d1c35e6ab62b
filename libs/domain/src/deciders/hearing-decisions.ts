import type { CaseCommand, DecisionContext, HearingDecision, RecordHearingDecision } from '../commands/case-commands';
import { assertNever, type CaseEvent, type CaseFact } from '../events/case-events';
import { domainError, isDomainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { evolve } from '../state/evolve';
import { decideCharges } from './charges';
import type { Decision } from './common';
import { decideCustody } from './custody';
import { decideHearings } from './hearings';
import { decidePreventiveMeasures } from './preventive-measures';

/** The area commands a decision at a hearing stands for (no compound command among them). */
type Step = Extract<
  CaseCommand,
  {
    type:
      | 'RecordHearingOutcome'
      | 'RescheduleHearing'
      | 'ImposePreventiveMeasure'
      | 'Release'
      | 'ImposeAdministrativeSanction';
  }
>;

/**
 * A decision at a hearing is two facts (the hearing held, and what it ordered): each is decided by its own area's
 * decider on the case as the facts before it left it, and all are returned for one append, so the pair is recorded
 * together or not at all. A postponement is a reschedule only: a held hearing can no longer be moved, so it is not
 * recorded as held, and takes none of the details of a hearing that was held.
 */
export function decideHearingDecision(
  command: RecordHearingDecision,
  state: CaseState,
  ctx: DecisionContext,
): CaseEvent[] | DomainError {
  const { decision, details } = command;
  if (decision.kind === 'postponed' && Object.values(details).some((value) => value !== undefined)) {
    return domainError('POSTPONED_NOT_HELD', 'A postponed hearing was not held: it has no duration, notes or presence');
  }
  const events: CaseEvent[] = [];
  let current = state;
  for (const step of stepsOf(command)) {
    const event = decideStep(step, current, ctx);
    if (isDomainError(event)) return event;
    events.push(event);
    current = evolve(current, provisional(event, current, ctx, events.length));
  }
  return events;
}

function stepsOf({ hearingId, decision, details }: RecordHearingDecision): Step[] {
  if (decision.kind === 'postponed') {
    return [{ type: 'RescheduleHearing', hearingId, scheduledAt: decision.scheduledAt }];
  }
  // The outcome is a required word of the held hearing: the decision's own name, never text the person typed.
  const held: Step = { type: 'RecordHearingOutcome', hearingId, outcome: decision.kind, ...details };
  const ordered = orderOf(decision, hearingId);
  return ordered ? [held, ordered] : [held];
}

function orderOf(decision: Exclude<HearingDecision, { kind: 'postponed' }>, hearingId: string): Step | null {
  switch (decision.kind) {
    case 'detention_ordered':
      return { type: 'ImposePreventiveMeasure', measure: 'pretrial_detention', until: decision.until, hearingId };
    case 'house_arrest':
      return { type: 'ImposePreventiveMeasure', measure: 'house_arrest', until: decision.until, hearingId };
    case 'released':
      return { type: 'Release', grounds: decision.grounds };
    case 'administrative_arrest':
      return { type: 'ImposeAdministrativeSanction', kind: 'arrest', days: decision.days };
    case 'fine':
      return {
        type: 'ImposeAdministrativeSanction',
        kind: 'fine',
        amount: decision.amount,
        currency: decision.currency,
      };
    case 'other':
      return null;
    default:
      return assertNever(decision);
  }
}

function decideStep(step: Step, state: CaseState, ctx: DecisionContext): Decision {
  switch (step.type) {
    case 'RecordHearingOutcome':
    case 'RescheduleHearing':
      return decideHearings(step, state, ctx);
    case 'ImposePreventiveMeasure':
      return decidePreventiveMeasures(step, state, ctx);
    case 'Release':
      return decideCustody(step, state, ctx);
    case 'ImposeAdministrativeSanction':
      return decideCharges(step, state, ctx);
    default:
      return assertNever(step);
  }
}

/** The event as the next decider must see it: folded as if appended, with the metadata the append will give it. */
function provisional(event: CaseEvent, state: CaseState, ctx: DecisionContext, index: number): CaseFact {
  return {
    event,
    meta: {
      eventId: `pending:${index}`,
      version: state.version + 1,
      occurredAt: ctx.occurredAt,
      occurredAtPrecision: ctx.occurredAtPrecision,
      recordedAt: ctx.now,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
    },
  };
}
