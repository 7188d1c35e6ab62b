import type { CaseCommand, DecisionContext, RecordHearingDecision } from '../commands/case-commands';
import { assertNever, type CaseEvent } from '../events/case-events';
import { domainError, isDomainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { MINUTE_MS, toMillis } from '../values/time';
import { decideCaseFile } from './case-file';
import { decideCharges } from './charges';
import { type Decision, emit } from './common';
import { decideComplaints } from './complaints';
import { decideCustody } from './custody';
import { decideHearingDecision } from './hearing-decisions';
import { decideHearings } from './hearings';
import { decideIntake } from './intake';
import { decideLawyers } from './lawyers';
import { decideLifecycle } from './lifecycle';
import { decidePreventiveMeasures } from './preventive-measures';
import { decideTortureAllegations } from './torture-allegations';

/** Clocks of field phones and laptops drift; a few minutes ahead of the server is tolerated. */
const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;

/**
 * Decides what a command means for a case: the events to append, or the rule it breaks.
 * Pure: the clock and everything looked up elsewhere come in `ctx` and the command.
 */
export function decide(command: CaseCommand, state: CaseState, ctx: DecisionContext): CaseEvent[] | DomainError {
  const refused = gate(command, state, ctx);
  if (refused) return refused;
  // A decision at a hearing is several facts, each decided by its area: all of them, or its refusal.
  if (command.type === 'RecordHearingDecision') return decideHearingDecision(command, state, ctx);
  const decision = route(command, state, ctx);
  if (isDomainError(decision)) return decision;
  return command.type === 'OpenCase' ? [decision, ...openingLawyer(ctx)] : [decision];
}

/** A lawyer who opens a case takes it on as its lead lawyer, in the same append. */
function openingLawyer(ctx: DecisionContext): CaseEvent[] {
  return ctx.actor.role === 'lawyer' ? [emit('LawyerAssigned', { lawyerId: ctx.actor.id, role: 'lead' })] : [];
}

/** Rules every command passes before its own. */
function gate(command: CaseCommand, state: CaseState, ctx: DecisionContext): DomainError | null {
  // First: nothing else about a write to a case that does not exist is worth saying.
  if (command.type !== 'OpenCase' && !state.exists) return domainError('CASE_NOT_FOUND', 'The case does not exist');
  if (toMillis(ctx.occurredAt) > toMillis(ctx.now) + FUTURE_TOLERANCE_MS) {
    return domainError('OCCURRED_IN_FUTURE', `occurredAt ${ctx.occurredAt} is in the future`);
  }
  if (command.type === 'OpenCase') {
    return state.exists ? domainError('CASE_ALREADY_EXISTS', 'The case already exists') : null;
  }
  // A merged duplicate is closed for good; only erasure still applies to it (its facts stay in its own stream), and
  // the absorption of a merge requested into it before it was merged itself: an intent is always completed.
  if (state.mergedInto !== null && command.type !== 'EraseCase' && command.type !== 'AbsorbDuplicate') {
    return domainError('CASE_MERGED', `The case was merged into ${state.mergedInto}`);
  }
  // A merge is allowed on a closed duplicate and must complete on a closed survivor: a half-done merge is worse.
  // Erasure must stay possible on a closed case: a person may ask for it long after the work ended. So must the
  // service's unassigning of a lawyer whose account ends: no case may keep a lawyer who can no longer work.
  if (
    state.closed &&
    command.type !== 'ReopenCase' &&
    command.type !== 'EraseCase' &&
    command.type !== 'MergeCase' &&
    command.type !== 'AbsorbDuplicate' &&
    !isSystemUnassign(command, ctx)
  ) {
    return domainError('CASE_CLOSED', 'The case is closed');
  }
  return null;
}

function isSystemUnassign(command: CaseCommand, ctx: DecisionContext): boolean {
  return command.type === 'UnassignLawyer' && ctx.actor.role === 'system';
}

/** One decider per area; the areas are those of commands/case-commands.ts. */
function route(command: Exclude<CaseCommand, RecordHearingDecision>, state: CaseState, ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'OpenCase':
    case 'CorrectIdentity':
    case 'AddNameVariants':
      return decideIntake(command, state, ctx);
    case 'AssignLawyer':
    case 'UnassignLawyer':
      return decideLawyers(command, state, ctx);
    case 'RecordDetention':
    case 'ReportWhereaboutsUnknown':
    case 'TransferDetainee':
    case 'ReleaseToHouseArrest':
    case 'Release':
    case 'RecordAccessDenial':
    case 'RecordAccessGranted':
    case 'RecordMedicalFact':
    case 'RecordDeath':
      return decideCustody(command, state, ctx);
    case 'BringCharge':
    case 'RequalifyCharge':
    case 'DropCharge':
    case 'ImposeAdministrativeSanction':
    case 'DeliverVerdict':
      return decideCharges(command, state, ctx);
    case 'ScheduleHearing':
    case 'RescheduleHearing':
    case 'CancelHearing':
    case 'RecordHearingOutcome':
      return decideHearings(command, state, ctx);
    case 'ImposePreventiveMeasure':
    case 'ExtendPreventiveMeasure':
      return decidePreventiveMeasures(command, state, ctx);
    case 'RecordTortureAllegation':
      return decideTortureAllegations(command, state, ctx);
    case 'FileComplaint':
    case 'RecordComplaintResponse':
    case 'RecordComplainantPressure':
    case 'WithdrawComplaint':
    case 'ReportPressure':
      return decideComplaints(command, state, ctx);
    case 'AddNote':
    case 'RetractFact':
    case 'LinkCase':
      return decideCaseFile(command, state, ctx);
    case 'CloseCase':
    case 'ReopenCase':
    case 'EraseCase':
    case 'MergeCase':
    case 'AbsorbDuplicate':
      return decideLifecycle(command, state, ctx);
    default:
      return assertNever(command);
  }
}
