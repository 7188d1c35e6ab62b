import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { SYSTEM_ACTOR } from '@casetrack/domain';
import { caseIdOf, type EventStore, STORED_EVENT_STORE, streamsAssigningLawyer } from '@casetrack/event-store';
import { READ_MODEL_SCHEMA, readCheckpoint } from '@casetrack/read-model';
import { type Logger } from '@casetrack/config';
import { LOGGER } from '../common/logger.provider';
import { PG_POOL } from '../infrastructure/infrastructure.module';
import type { CaseCommandOutcome } from '../cases/write/command-outcome';
import { ExecuteCaseCommand } from '../cases/write/execute-case-command';

const TAIL_BATCH = 500;

/**
 * A lawyer leaves the work (their account is disabled, or no longer a lawyer's): the service unassigns them from
 * every case they are assigned to, one `LawyerUnassigned` fact per case, recorded by the `system` actor through the
 * ordinary command path (so the revocation of their access is recorded and the no-lawyer escalation follows).
 *
 * Which cases: the read model may lag, so it is only one source. The candidates are the cases it lists them on, those
 * whose assignment is in the feed after the read model's checkpoint (not projected yet), and, in the PostgreSQL
 * store, every stream with a committed assignment of theirs (an indexed lookup; the feed itself holds back an event
 * while an older transaction is open). So no assignment appended before this call is missed, however far the
 * projector lags. Each candidate is then decided on its own stream: one no longer assigning them is refused
 * (LAWYER_NOT_ASSIGNED) and skipped. Hence running this again after a crash halfway completes the work and repeats
 * none of it.
 */
@Injectable()
export class LawyerDeparture {
  constructor(
    private readonly commandBus: CommandBus,
    // The feed as stored: the lawyer's id is never sealed, and nothing else of the events is read.
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Unassigns the lawyer everywhere; answers how many cases it took them off. */
  async unassignEverywhere(lawyerId: string, reason: string): Promise<number> {
    const correlationId = randomUUID();
    let unassigned = 0;
    for (const caseId of await this.casesAssigning(lawyerId)) {
      const outcome = await this.commandBus.execute<ExecuteCaseCommand, CaseCommandOutcome>(
        new ExecuteCaseCommand(
          caseId,
          { type: 'UnassignLawyer', lawyerId, reason },
          {
            actor: SYSTEM_ACTOR,
            occurredAt: null,
            occurredAtPrecision: 'exact',
            correlationId,
            idempotencyKey: null,
            expectedVersion: null,
            eventIds: () => randomUUID(),
          },
        ),
      );
      if (outcome.kind === 'appended') unassigned++;
      else if (outcome.kind === 'conflict_after_retries') {
        // Busy stream: fail the request, so that the account change is repeated and completes then.
        throw new Error(`Case ${caseId} stayed busy; unassigning lawyer ${lawyerId} is incomplete`);
      } else if (!(outcome.kind === 'refused' && outcome.code === 'LAWYER_NOT_ASSIGNED')) {
        this.logger.warn({ caseId, lawyerId, outcome: outcome.kind }, 'lawyer not unassigned from a case');
      }
    }
    return unassigned;
  }

  private async casesAssigning(lawyerId: string): Promise<string[]> {
    // The checkpoint first: the rows read next include at least everything up to it.
    const checkpoint = await readCheckpoint(this.pool, READ_MODEL_SCHEMA);
    const { rows } = await this.pool.query<{ case_id: string }>(
      `SELECT case_id FROM ${READ_MODEL_SCHEMA}.cases WHERE lawyer_ids @> ARRAY[$1]::uuid[]`,
      [lawyerId],
    );
    const cases = new Set(rows.map((row) => row.case_id));
    const streams = await streamsAssigningLawyer(this.pool, lawyerId);
    for (const caseId of streams.map(caseIdOf)) if (caseId !== null) cases.add(caseId);
    for (let after = checkpoint; ;) {
      const batch = await this.store.readAll({ after, limit: TAIL_BATCH });
      for (const event of batch.events) {
        const caseId = caseIdOf(event.streamId);
        if (caseId !== null && event.type === 'LawyerAssigned' && isFor(event.data, lawyerId)) cases.add(caseId);
      }
      if (batch.events.length < TAIL_BATCH) break;
      after = batch.checkpoint;
    }
    return [...cases];
  }
}

function isFor(data: unknown, lawyerId: string): boolean {
  return typeof data === 'object' && data !== null && (data as { lawyerId?: unknown }).lawyerId === lawyerId;
}
