import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseEvent, CaseOpened } from '@casetrack/domain';
import { eraseOpenedCaseNames, recordOpenedCaseNames } from '@casetrack/read-model';

/**
 * The write path's half of "duplicates at once" (libs/read-model opened-case-names): an append that opens a case
 * records its names before the answer leaves, so that the next case opened, by anyone, finds it however far behind
 * the projector is; an append that erases a case takes them away.
 *
 * A process that dies after the append and before this row acknowledged nothing; its retry under the same
 * Idempotency-Key replays the append and records the row then. A case whose writer died and is never retried is
 * found once projected, as before.
 */
@Injectable()
export class OpenedCases {
  constructor(private readonly dataSource: DataSource) {}

  /** `events`, appended (or found appended) up to stream version `version` at global `position`. */
  async recordAppended(caseId: string, events: readonly CaseEvent[], version: number, position: number): Promise<void> {
    // A merged duplicate is no longer a case of its own to be found: its names now belong to the survivor.
    if (events.some((event) => event.type === 'CaseErased' || event.type === 'MergeRequested')) {
      await eraseOpenedCaseNames(this.dataSource, caseId);
      return;
    }
    const opened = events.find((event): event is CaseOpened => event.type === 'CaseOpened');
    if (opened === undefined) return;
    const { fullName, nameVariants, city } = opened.data.detainee;
    const lawyerIds = events.flatMap((event) => (event.type === 'LawyerAssigned' ? [event.data.lawyerId] : []));
    await recordOpenedCaseNames(this.dataSource, {
      caseId,
      fullName,
      nameVariants,
      city,
      lawyerIds,
      version,
      position,
    });
  }
}
