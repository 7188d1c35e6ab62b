import { Command } from '@nestjs/cqrs';
import type { ActorRole, CaseCommand, OccurredAtPrecision } from '@casetrack/domain';

export interface CaseWriteResult {
  caseId: string;
  /** The case stream's version after the write. */
  version: number;
  /** Global position of the last event written. */
  position: number;
  /** True when the events were already in the stream (a retried idempotent request): nothing was appended. */
  alreadyRecorded: boolean;
}

export interface CaseCommandEnvelope {
  actor: { id: string; role: ActorRole };
  occurredAt: string | null;
  occurredAtPrecision: OccurredAtPrecision;
  correlationId: string;
  idempotencyKey: string | null;
  /** Append only if the case is at this version (If-Match); otherwise retry raced appends. */
  expectedVersion: number | null;
  /** Ids for the events the decider returns, in order; deterministic when an idempotency key was given. */
  eventIds: (index: number) => string;
}

/** Decide one domain command against a case and append its events. */
export class ExecuteCaseCommand extends Command<CaseWriteResult> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly envelope: CaseCommandEnvelope,
  ) {
    super();
  }
}
