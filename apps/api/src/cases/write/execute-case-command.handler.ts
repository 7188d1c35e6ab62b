import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canWriteCase } from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { type CaseEvent, decide, foldFacts, isDomainError } from '@casetrack/domain';
import {
  CaseCipher,
  caseStreamId,
  ConcurrencyError,
  DuplicateEventError,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  toCaseFact,
  toNewCaseEvent,
} from '@casetrack/event-store';
import { ApiException } from '../../common/api-exception';
import { AccessRevocations } from './access-revocations';
import { type CaseWriteResult, ExecuteCaseCommand } from './execute-case-command';
import { StreamLocks } from './stream-locks';

/** Load the case, fold it, let the pure decider answer, append with the expected version; retry a raced append. */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseWriteResult> {
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: CaseCipher,
    private readonly revocations: AccessRevocations,
  ) {}

  execute(command: ExecuteCaseCommand): Promise<CaseWriteResult> {
    const streamId = caseStreamId(command.caseId);
    return this.locks.run(streamId, () => this.attempt(command, streamId));
  }

  private async attempt(command: ExecuteCaseCommand, streamId: string): Promise<CaseWriteResult> {
    const { envelope } = command;
    for (let attempt = 1; attempt <= this.config.appendRetries; attempt++) {
      const recorded = await this.store.readStream(streamId);
      const replay = this.alreadyRecorded(command, recorded);
      if (replay) {
        // This answer acknowledges the append as the first one would have: what it revokes is recorded first.
        await this.revocations.recordRemovals(command.caseId, replay.events, replay.answer.version);
        return replay.answer;
      }

      const state = foldFacts(recorded.map(toCaseFact));
      // A case the caller may not see answers exactly like a case that does not exist.
      if (state.exists && !canWriteCase(envelope.actor.role, envelope.actor.id, Object.keys(state.lawyers))) {
        throw ApiException.notFound('No such case');
      }
      // Before If-Match: a case that does not exist is 404 whatever version the caller expected of it.
      if (!state.exists && command.command.type !== 'OpenCase') throw ApiException.notFound('No such case');
      if (envelope.expectedVersion !== null && envelope.expectedVersion !== state.version) {
        throw versionMismatch(envelope.expectedVersion, state.version);
      }
      const now = new Date().toISOString();
      const decision = decide(command.command, state, {
        now,
        occurredAt: envelope.occurredAt ?? now,
        occurredAtPrecision: envelope.occurredAtPrecision,
        actor: envelope.actor,
      });
      if (isDomainError(decision)) {
        if (decision.code === 'CASE_NOT_FOUND') throw ApiException.notFound('No such case');
        if (decision.code === 'LAWYER_NOT_ASSIGNED' && command.command.type === 'UnassignLawyer') {
          await this.revocations.recordNotAssigned(command.caseId, command.command.lawyerId, state.version);
        }
        throw new ApiException(422, decision.code, decision.message);
      }
      const events = decision.map((event, index) =>
        toNewCaseEvent(envelope.eventIds(index), event, {
          actorId: envelope.actor.id,
          actorRole: envelope.actor.role,
          correlationId: envelope.correlationId,
          causationId: null,
          occurredAt: envelope.occurredAt ?? now,
          occurredAtPrecision: envelope.occurredAtPrecision,
          ...(envelope.idempotencyKey !== null ? { idempotencyKey: envelope.idempotencyKey } : {}),
        }),
      );
      // The key goes first: should the append then fail, the erasure has still happened and a retry records it.
      if (decision.some((event) => event.type === 'CaseErased')) await this.cipher.erase(command.caseId);
      try {
        const appended = await this.store.append(streamId, events, state.exists ? state.version : 'no_stream');
        // Before the answer: once it is sent, no read may show a removed lawyer the case (the projector may lag).
        await this.revocations.recordRemovals(command.caseId, decision, appended.version);
        return {
          caseId: command.caseId,
          version: appended.version,
          position: appended.position,
          alreadyRecorded: false,
        };
      } catch (error) {
        if (error instanceof ConcurrencyError || error instanceof DuplicateEventError) {
          if (envelope.expectedVersion !== null && !(error instanceof DuplicateEventError)) {
            throw versionMismatch(envelope.expectedVersion, error.actual);
          }
          await backoff(attempt);
          continue;
        }
        throw error;
      }
    }
    throw new ApiException(
      409,
      'CONCURRENCY_CONFLICT',
      'The case kept changing while we tried to record this; try again',
    );
  }

  /** A retried idempotent request whose events reached the stream before the first answer was sent. */
  private alreadyRecorded(
    command: ExecuteCaseCommand,
    recorded: RecordedEvent[],
  ): { answer: CaseWriteResult; events: CaseEvent[] } | null {
    if (command.envelope.idempotencyKey === null) return null;
    const firstId = command.envelope.eventIds(0);
    const first = recorded.findIndex((event) => event.eventId === firstId);
    if (first < 0) return null;
    let last = first;
    while (last + 1 < recorded.length && recorded[last + 1].eventId === command.envelope.eventIds(last + 1 - first))
      last++;
    return {
      answer: {
        caseId: command.caseId,
        version: recorded[last].version,
        position: recorded[last].position,
        alreadyRecorded: true,
      },
      events: recorded.slice(first, last + 1).map((event) => toCaseFact(event).event),
    };
  }
}

function versionMismatch(expected: number, actual: number | null): ApiException {
  return new ApiException(
    412,
    'VERSION_MISMATCH',
    `The case is at version ${actual ?? 'unknown'}, not ${expected}; reload it and try again`,
    [{ expectedVersion: expected, actualVersion: actual }],
  );
}

/** Jittered exponential backoff between attempts at a raced append (a few ms, capped). */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
