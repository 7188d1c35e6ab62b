import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordRevocations } from '@casetrack/auth';
import type { CaseEvent } from '@casetrack/domain';

/**
 * The write path's half of "revoking may not lag" (libs/auth case-access-revocations): every way a write tells its
 * caller that a lawyer is off a case records a revocation before the answer leaves, so no read after that answer
 * shows the lawyer the case, however far behind the projector is.
 *
 * A process that dies after the append and before this row has acknowledged nothing: the caller got no answer.
 * Its retry then either replays the append (under the same Idempotency-Key: `recordRemovals` runs on the replay
 * too) or is refused because the lawyer is no longer assigned (`recordNotAssigned`); each records the revocation
 * before answering. Either way no acknowledged revocation is missing.
 */
@Injectable()
export class AccessRevocations {
  constructor(private readonly dataSource: DataSource) {}

  /** `events`, appended (or found appended) up to stream version `version`, unassign these lawyers. */
  async recordRemovals(caseId: string, events: readonly CaseEvent[], version: number): Promise<void> {
    const removed = events.flatMap((event) => (event.type === 'LawyerUnassigned' ? [event.data.lawyerId] : []));
    await recordRevocations(this.dataSource, caseId, removed, version);
  }

  /** The stream at `version` does not assign `lawyerId`: a refusal to unassign says so to the caller. */
  async recordNotAssigned(caseId: string, lawyerId: string, version: number): Promise<void> {
    await recordRevocations(this.dataSource, caseId, [lawyerId], version);
  }
}
