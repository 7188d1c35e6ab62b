import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { canSeeCase } from '@casetrack/auth';
import { type ActorRole, type CaseState, foldFacts, SYSTEM_ACTOR } from '@casetrack/domain';
import { caseStreamId, EVENT_STORE, type EventStore, toCaseFact } from '@casetrack/event-store';
import { IdSource } from '../shared/ids';
import type { CaseCommandOutcome } from '../write/command-outcome';
import { ExecuteCaseCommand } from '../write/execute-case-command';

/** What a merge needs to know of the survivor, read from its stream (the read model may lag behind a merge). */
export interface MergeTarget {
  /** It exists and the actor may see it: a hidden case answers like a missing one. */
  visible: boolean;
  merged: boolean;
}

export interface MergeCompletion {
  done: boolean;
  position: number | null;
}

/**
 * A merge spans two streams and the store appends to one at a time (KurrentDB has no multi-stream transaction), so
 * it is a recorded intent. `MergeRequested` on the duplicate is the acknowledged fact: from it on the duplicate reads
 * as merged. `complete` then appends `DuplicateMerged` to the survivor with an event id derived from the intent's,
 * and the survivor's decider refuses a second absorption of the same duplicate (DUPLICATE_ALREADY_MERGED): running it
 * again, after a crash or alongside another run, appends nothing twice. MergeRecovery runs it for every intent.
 */
@Injectable()
export class Merges {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async target(actor: { id: string; role: ActorRole }, intoCaseId: string): Promise<MergeTarget> {
    const state = await this.fold(intoCaseId);
    return {
      visible: state.exists && canSeeCase(actor.role, actor.id, Object.keys(state.lawyers)),
      merged: state.mergedInto !== null,
    };
  }

  /**
   * Completes the merge of `duplicateCaseId` if it has one. `done` once the survivor knows of it; `position`, the global
   * position of the survivor's absorption when this run appended it (a read from there on sees both sides).
   */
  async complete(duplicateCaseId: string): Promise<MergeCompletion> {
    const recorded = await this.store.readStream(caseStreamId(duplicateCaseId));
    const intent = recorded.find((event) => event.type === 'MergeRequested');
    const duplicate = foldFacts(recorded.map(toCaseFact));
    if (intent === undefined || duplicate.mergedInto === null) return { done: false, position: null };
    const ids = IdSource.deterministic('merge', intent.eventId);
    const outcome = await this.commandBus.execute<ExecuteCaseCommand, CaseCommandOutcome>(
      new ExecuteCaseCommand(
        duplicate.mergedInto,
        { type: 'AbsorbDuplicate', duplicateCaseId, nameVariants: spellingsOf(duplicate) },
        {
          actor: SYSTEM_ACTOR,
          occurredAt: null,
          occurredAtPrecision: 'exact',
          correlationId: randomUUID(),
          idempotencyKey: null,
          expectedVersion: null,
          eventIds: (index) => ids.id(`absorption:${index}`),
        },
      ),
    );
    if (outcome.kind === 'appended') return { done: true, position: outcome.position };
    if (outcome.kind === 'refused' && outcome.code === 'DUPLICATE_ALREADY_MERGED')
      return { done: true, position: null };
    throw new Error(`The merge of case ${duplicateCaseId} is incomplete (${outcome.kind})`);
  }

  private async fold(caseId: string): Promise<CaseState> {
    return foldFacts((await this.store.readStream(caseStreamId(caseId))).map(toCaseFact));
  }
}

/** The duplicate's full name and other spellings; none once it is erased (the words are gone). */
function spellingsOf(state: CaseState): string[] {
  if (state.erased || state.detainee === null) return [];
  return [state.detainee.fullName, ...state.detainee.nameVariants];
}
