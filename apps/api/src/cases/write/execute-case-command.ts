import { Command } from '@nestjs/cqrs';
import type { CaseCommand, OccurredAtPrecision, RecorderRole } from '@casetrack/domain';
import type { ImportedFrom } from '@casetrack/event-store';
import type { CaseCommandOutcome } from './command-outcome';

export interface CaseCommandEnvelope {
  /** A user in their role, or the service itself (SYSTEM_ACTOR) recording what an account change implies. */
  actor: { id: string; role: RecorderRole };
  occurredAt: string | null;
  occurredAtPrecision: OccurredAtPrecision;
  /** The writer's day, month or year for those precisions; taken from the server's UTC date when occurredAt is absent. */
  occurredOn?: string | null;
  correlationId: string;
  idempotencyKey: string | null;
  /** The imported list and row the fact comes from, written into each event's metadata. */
  importedFrom?: ImportedFrom;
  /** Append only if the case is at this version (If-Match); otherwise retry raced appends. */
  expectedVersion: number | null;
  /** Ids for the events the decider returns, in order; deterministic when an idempotency key was given. */
  eventIds: (index: number) => string;
}

/** Decide one domain command against a case and append its events. */
export class ExecuteCaseCommand extends Command<CaseCommandOutcome> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly envelope: CaseCommandEnvelope,
  ) {
    super();
  }
}
