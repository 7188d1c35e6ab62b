import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canWriteCase } from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import {
  type CaseEvent,
  type CaseState,
  decide,
  evolveAll,
  type DomainError,
  isDomainError,
  occurredOnOf,
} from '@casetrack/domain';
import {
  type AppendResult,
  CaseCipher,
  type CaseEventMetadata,
  caseStreamId,
  ConcurrencyError,
  DuplicateEventError,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  toCaseFact,
  toNewCaseEvent,
} from '@casetrack/event-store';
import { AccessRevocations } from './access-revocations';
import { jitteredBackoff, RACED, type Raced, retryRacedAppends } from './append-retries';
import { CaseStates } from './case-states';
import type { Appended, CaseCommandOutcome, NotFound, Refused, VersionMismatch } from './command-outcome';
import { type CaseCommandEnvelope, ExecuteCaseCommand } from './execute-case-command';
import { OpenedCases } from './opened-cases';
import { StreamLocks } from './stream-locks';

const NOT_FOUND: NotFound = { kind: 'not_found' };

/** A decision made on a cached state that only an append at its version could have confirmed, and did not. */
interface Unverified {
  kind: 'unverified';
}

const UNVERIFIED: Unverified = { kind: 'unverified' };

type AttemptOutcome = Appended | Refused | NotFound | VersionMismatch | Raced;

/** The service itself writes only what account changes imply (see SYSTEM_ACTOR); users as their role allows. */
function mayWrite(actor: CaseCommandEnvelope['actor'], assignedLawyerIds: string[]): boolean {
  return actor.role === 'system' || canWriteCase(actor.role, actor.id, assignedLawyerIds);
}

/**
 * Load the case, let the pure decider answer, append with the version the decision was made on; retry a raced append
 * from a fresh read.
 *
 * A case this process wrote recently is decided on its cached state first, without reading: an append made on it
 * succeeds only if the stream is still at that version, which is exactly when the cached state is the stream's.
 * Every other answer (a refusal, not found, a version mismatch, a replay) and every append the store turns down is
 * decided again on the state read from the stream (the cached fold and the events after it), so no answer ever rests
 * on a state older than the stream's. The erasure, whose key is destroyed before its append, is never decided on an
 * unread state.
 */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseCommandOutcome> {
  private readonly locks = new StreamLocks();
  private readonly states: CaseStates;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: CaseCipher,
    private readonly revocations: AccessRevocations,
    private readonly openedCases: OpenedCases,
  ) {
    this.states = new CaseStates(store, config.writeCacheCases);
  }

  execute(command: ExecuteCaseCommand): Promise<CaseCommandOutcome> {
    const streamId = caseStreamId(command.caseId);
    const policy = { attempts: this.config.appendRetries, pause: jitteredBackoff };
    return this.locks.run(streamId, () => retryRacedAppends(() => this.attempt(command, streamId), policy));
  }

  /** One attempt: on the cached state if it is confirmed by its append, else on the state read from the stream. */
  private async attempt(command: ExecuteCaseCommand, streamId: string): Promise<AttemptOutcome> {
    const cached = this.states.cached(streamId);
    if (cached !== undefined) {
      const outcome = await this.decideOn(command, streamId, cached, false);
      if (outcome.kind !== 'unverified') return outcome;
    }
    return (await this.decideOn(command, streamId, await this.states.current(streamId), true)) as AttemptOutcome;
  }

  /** Decide on `state` and append; on a state not read for this attempt (`read` false) only a confirmed append counts. */
  private async decideOn(
    command: ExecuteCaseCommand,
    streamId: string,
    state: CaseState,
    read: boolean,
  ): Promise<AttemptOutcome | Unverified> {
    const { envelope } = command;
    // The state knows every event id in the stream; only a request already recorded needs the events themselves.
    const recorded = this.isRecorded(command, state);
    if (recorded && !read) return UNVERIFIED;
    const replay = recorded ? this.alreadyRecorded(command, await this.store.readStream(streamId)) : null;
    if (replay) {
      // This answer acknowledges the append as the first one would have: what it revokes is recorded first.
      await this.revocations.recordRemovals(command.caseId, replay.events, replay.outcome.version);
      // Read from the stream, the state holds the replayed events already.
      await this.openedCases.recordAppended(
        command.caseId,
        replay.events,
        replay.outcome.version,
        replay.outcome.position,
        () => state,
      );
      return replay.outcome;
    }

    // A case the caller may not see answers exactly like a case that does not exist.
    if (state.exists && !mayWrite(envelope.actor, Object.keys(state.lawyers))) return read ? NOT_FOUND : UNVERIFIED;
    const now = new Date().toISOString();
    const occurredAt = envelope.occurredAt ?? now;
    const decision = decide(command.command, state, {
      now,
      occurredAt,
      occurredAtPrecision: envelope.occurredAtPrecision,
      actor: envelope.actor,
    });
    // Only an append can confirm an unread state; an erasure destroys the key before its append, so it waits for one.
    if (!read && (isDomainError(decision) || decision.some((event) => event.type === 'CaseErased'))) return UNVERIFIED;
    if (!read && envelope.expectedVersion !== null && envelope.expectedVersion !== state.version) return UNVERIFIED;
    // The decider alone says whether the case exists. Its answer waits for the expected version's check only so that
    // a missing case is "not found" whatever version was expected, and a stale version comes before any rule.
    if (isDomainError(decision) && decision.code === 'CASE_NOT_FOUND') return NOT_FOUND;
    if (envelope.expectedVersion !== null && envelope.expectedVersion !== state.version) {
      return { kind: 'version_mismatch', expected: envelope.expectedVersion, actual: state.version };
    }
    if (isDomainError(decision)) return this.refuse(command, decision, state);
    return this.append(command, streamId, state, decision, occurredAt, read);
  }

  private async refuse(command: ExecuteCaseCommand, error: DomainError, state: CaseState): Promise<Refused> {
    if (error.code === 'LAWYER_NOT_ASSIGNED' && command.command.type === 'UnassignLawyer') {
      await this.revocations.recordNotAssigned(command.caseId, command.command.lawyerId, state.version);
    }
    return { kind: 'refused', code: error.code, message: error.message };
  }

  private async append(
    command: ExecuteCaseCommand,
    streamId: string,
    state: CaseState,
    decision: CaseEvent[],
    occurredAt: string,
    read: boolean,
  ): Promise<Appended | VersionMismatch | Raced | Unverified> {
    const { envelope } = command;
    const events = decision.map((event, index) =>
      toNewCaseEvent(envelope.eventIds(index), event, {
        actorId: envelope.actor.id,
        actorRole: envelope.actor.role,
        correlationId: envelope.correlationId,
        causationId: null,
        ...storedTimes(envelope, occurredAt),
        ...(envelope.idempotencyKey !== null ? { idempotencyKey: envelope.idempotencyKey } : {}),
        ...(envelope.importedFrom ? { importedFrom: envelope.importedFrom } : {}),
      }),
    );
    // The key goes first: should the append then fail, the erasure has still happened and a retry records it.
    if (decision.some((event) => event.type === 'CaseErased')) await this.cipher.erase(command.caseId);
    let appended: AppendResult;
    try {
      appended = await this.store.append(streamId, events, state.exists ? state.version : 'no_stream');
    } catch (error) {
      // Whatever went wrong, the cached state may no longer be the stream's: the next attempt reads it again.
      this.states.forget(streamId);
      if (!read && (error instanceof ConcurrencyError || error instanceof DuplicateEventError)) return UNVERIFIED;
      // Under If-Match the caller wanted this version and no other: a write that got in first is not retried over.
      if (error instanceof ConcurrencyError && envelope.expectedVersion !== null) {
        return { kind: 'version_mismatch', expected: envelope.expectedVersion, actual: error.actual };
      }
      if (error instanceof ConcurrencyError || error instanceof DuplicateEventError) return RACED;
      throw error;
    }
    const after = this.states.appended(streamId, state, appended.events);
    // Before the answer: once it is sent, no read may show a removed lawyer the case (the projector may lag).
    await this.revocations.recordRemovals(command.caseId, decision, appended.version);
    const { version, position } = appended;
    // Before the answer too: a case opened a moment later must find this one among its possible duplicates.
    await this.openedCases.recordAppended(
      command.caseId,
      decision,
      version,
      position,
      () => after ?? evolveAll(state, appended.events.map(toCaseFact)),
    );
    return { kind: 'appended', caseId: command.caseId, version, position, alreadyRecorded: false };
  }

  private isRecorded(command: ExecuteCaseCommand, state: CaseState): boolean {
    return command.envelope.idempotencyKey !== null && state.factIds.has(command.envelope.eventIds(0));
  }

  /** A retried idempotent request whose events reached the stream before the first answer was sent. */
  private alreadyRecorded(
    command: ExecuteCaseCommand,
    recorded: RecordedEvent[],
  ): { outcome: Appended; events: CaseEvent[] } | null {
    if (command.envelope.idempotencyKey === null) return null;
    const firstId = command.envelope.eventIds(0);
    const first = recorded.findIndex((event) => event.eventId === firstId);
    if (first < 0) return null;
    let last = first;
    while (last + 1 < recorded.length && recorded[last + 1].eventId === command.envelope.eventIds(last + 1 - first))
      last++;
    return {
      outcome: {
        kind: 'appended',
        caseId: command.caseId,
        version: recorded[last].version,
        position: recorded[last].position,
        alreadyRecorded: true,
      },
      events: recorded.slice(first, last + 1).map((event) => toCaseFact(event).event),
    };
  }
}

/**
 * The times a fact is stored with. An unknown time given without a bound is stored without `occurredAt`: it happened
 * no later than its `recordedAt`, and "now" is never written down as if it were known.
 */
function storedTimes(
  envelope: CaseCommandEnvelope,
  occurredAt: string,
): Pick<CaseEventMetadata, 'occurredAt' | 'occurredAtPrecision' | 'occurredOn'> {
  const precision = envelope.occurredAtPrecision;
  const occurredOn = envelope.occurredOn ?? occurredOnOf(occurredAt, precision);
  return {
    ...(precision === 'unknown' && envelope.occurredAt === null ? {} : { occurredAt }),
    occurredAtPrecision: precision,
    ...(occurredOn !== null ? { occurredOn } : {}),
  };
}
