import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseEvent, CaseState } from '@casetrack/domain';
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

  /**
   * `events`, appended (or found appended) up to stream version `version` at global `position`; `after` is the case
   * with them folded in. A case's spellings that change after it was opened (a correction, more spellings, a merged
   * duplicate's) are recorded too: the case is found by them before the projector catches up.
   */
  async recordAppended(
    caseId: string,
    events: readonly CaseEvent[],
    version: number,
    position: number,
    after: () => CaseState,
  ): Promise<void> {
    // A merged duplicate is no longer a case of its own to be found: its names now belong to the survivor.
    if (events.some((event) => event.type === 'CaseErased' || event.type === 'MergeRequested')) {
      await eraseOpenedCaseNames(this.dataSource, caseId);
      return;
    }
    if (!events.some(changesNames)) return;
    const { detainee, lawyers, mergedInto, erased } = after();
    if (detainee === null || mergedInto !== null || erased) return;
    await recordOpenedCaseNames(this.dataSource, {
      caseId,
      fullName: detainee.fullName,
      nameVariants: detainee.nameVariants,
      city: detainee.city,
      lawyerIds: Object.keys(lawyers),
      version,
      position,
    });
  }
}

/** Whether an event changes how the case is found: its names, its city. */
function changesNames(event: CaseEvent): boolean {
  switch (event.type) {
    case 'CaseOpened':
    case 'NameVariantsAdded':
    case 'DuplicateMerged':
      return true;
    case 'IdentityCorrected':
      return event.data.fullName !== undefined || event.data.city !== undefined;
    default:
      return false;
  }
}
