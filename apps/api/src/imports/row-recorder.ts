import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseCommand } from '@casetrack/domain';
import { addNoteCommand } from '../cases/case-file/case-file.commands';
import type { AddNoteDto } from '../cases/case-file/case-file.dto';
import { bringChargeCommand } from '../cases/charges/charges.commands';
import type { BringChargeDto } from '../cases/charges/charges.dto';
import { recordDetentionCommand, transferDetaineeCommand } from '../cases/custody/custody.commands';
import type { RecordDetentionDto, TransferDetaineeDto } from '../cases/custody/custody.dto';
import { scheduleHearingCommand } from '../cases/hearings/hearings.commands';
import type { ScheduleHearingDto } from '../cases/hearings/hearings.dto';
import { addNameVariantsCommand, openCaseCommand } from '../cases/intake/intake.commands';
import { AddNameVariantsDto, type OpenCaseDto } from '../cases/intake/intake.dto';
import type { FactDto } from '../cases/shared/fact.dto';
import type { IdSource } from '../cases/shared/ids';
import type { WriteRequestContext } from '../cases/shared/write-request';
import { CaseWriter } from '../cases/write/case-writer';
import type { WriteResult } from '../cases/write/write-outcome';
import { CaseMatches } from './case-matches';
import type { ImportMapping, RowStep } from './files';
import type { ImportRecord, RowDecision, RowReason, RowSettlement, StoredRow } from './import-model';
import { ImportStore } from './import-store';
import { checkRow, importRowOf, type CheckedWrite, type RowContext } from './row-check';
import { rowWriteKey } from './row-keys';

/** What a commit records with: the import, the mapping and decisions it was started with, and who imports. */
export interface CommitJob {
  record: ImportRecord;
  mapping: ImportMapping;
  actor: AuthenticatedUser;
}

/** A write of a row as the write path takes it; `names` adds the row's spellings to a case it is added to. */
interface RowWrite {
  step: RowStep | 'names';
  key: string;
  body: FactDto;
  route: (caseId: string) => string;
  command: (ids: IdSource) => CaseCommand;
}

/** A raced write is tried again this many times before the row is rejected with CONCURRENCY_CONFLICT. */
const RACED_ATTEMPTS = 3;

/** The field of the list a refused write concerns (its cell text is never stored with the refusal). */
const FIELD_OF_STEP: Record<RowWrite['step'], string> = {
  open: 'fullName',
  names: 'fullName',
  detention: 'detainedAt',
  charge: 'article',
  transfer: 'facility',
  note: 'note',
  hearing: 'scheduledAt',
};

/**
 * Records one row of a committing import through the write path of the HTTP routes (CaseWriter): the same DTOs, the
 * same domain commands (built by the routes' own functions), the importer as actor, each write under an
 * Idempotency-Key derived from the import, the row and the write, and `importedFrom` in every event's metadata. Run
 * again for the same row (a repeat, a resume after a crash), every write already recorded is replayed, not appended.
 */
@Injectable()
export class RowRecorder {
  constructor(
    private readonly writer: CaseWriter,
    private readonly matches: CaseMatches,
    private readonly store: ImportStore,
  ) {}

  async record(job: CommitJob, stored: StoredRow): Promise<RowSettlement> {
    const { record } = job;
    const decision: RowDecision | undefined = record.decisions[String(stored.row)];
    if (stored.cells === null) return settled('rejected', null, [], 'VALIDATION_FAILED', []);
    const context: RowContext = {
      table: { columns: record.columns },
      mapping: job.mapping,
      kind: record.kind,
      timeZone: record.timeZone,
    };
    const checked = await checkRow(importRowOf(stored, stored.cells), context);
    if (checked.problems.length > 0) {
      const fields = [...new Set(checked.problems.map((problem) => problem.field))];
      return settled('rejected', null, [], 'VALIDATION_FAILED', fields);
    }
    if (decision === 'skip') return settled('skipped', null, [], 'SKIPPED', []);

    const target = await this.target(job, stored, checked.read, decision);
    if (typeof target === 'object' && target !== null) return target;
    const writes = await this.writesOf(job, stored.row, checked.writes, target, checked.read);
    return this.run(job, stored.row, writes, target);
  }

  /**
   * The case the row's facts go to: null to open one; or the settlement of a row that is not to be recorded (a
   * possible duplicate nobody decided on, a hearing whose case cannot be told).
   */
  private async target(
    job: CommitJob,
    stored: StoredRow,
    read: Awaited<ReturnType<typeof checkRow>>['read'],
    decision: RowDecision | undefined,
  ): Promise<string | null | RowSettlement> {
    if (typeof decision === 'object') return decision.addTo.toLowerCase();
    const undecided = stored.checked === 'duplicate' && decision === undefined;
    if (job.record.kind === 'cases') return undecided ? settled('skipped', null, [], 'DUPLICATE_UNDECIDED', []) : null;
    if (stored.caseId !== null) return stored.caseId;
    if (undecided) return settled('skipped', null, [], 'DUPLICATE_UNDECIDED', ['fullName']);
    const cases = await this.matches.forHearing({ id: job.actor.id, role: job.actor.role }, read);
    if (cases.length > 1) return settled('skipped', null, [], 'DUPLICATE_UNDECIDED', ['fullName']);
    if (cases.length === 0) {
      return settled('rejected', null, [], 'CASE_NOT_MATCHED', [read.caseId === null ? 'fullName' : 'caseId']);
    }
    // Kept before the write: a resumed commit records the hearing on this case, whatever the read models say then.
    await this.store.noteCase(job.record.id, stored.row, cases[0].caseId);
    return cases[0].caseId;
  }

  private async writesOf(
    job: CommitJob,
    row: number,
    checked: readonly CheckedWrite[],
    target: string | null,
    read: Awaited<ReturnType<typeof checkRow>>['read'],
  ): Promise<RowWrite[]> {
    const importId = job.record.id;
    const writes = checked
      .filter((write) => target === null || write.step !== 'open')
      .map((write) => rowWriteOf(write, rowWriteKey(importId, row, write.index, write.step)));
    if (target === null || job.record.kind !== 'cases') return writes;
    // Added to a case known by other spellings: the row's spellings join the case's, so that search finds both.
    const spellings = [read.person.fullName, ...read.person.nameVariants].filter((name) => name !== '');
    const known = await this.matches.spellingsOf({ id: job.actor.id, role: job.actor.role }, target);
    if (spellings.length === 0 || (known !== null && spellings.every((name) => known.includes(name)))) return writes;
    const body = Object.assign(new AddNameVariantsDto(), { variants: spellings });
    const names: RowWrite = {
      step: 'names',
      key: rowWriteKey(importId, row, 'names', 'names'),
      body,
      route: (caseId) => `POST /v1/cases/${caseId}/name-variants`,
      command: () => addNameVariantsCommand(body),
    };
    return [names, ...writes];
  }

  /** The row's writes in order; the first refused one stops the row, which keeps what was recorded before it. */
  private async run(job: CommitJob, row: number, writes: readonly RowWrite[], target: string | null) {
    let caseId = target;
    const steps: RowSettlement['steps'] = [];
    for (const write of writes) {
      const result = await this.write(job, row, write, caseId);
      if (result.kind !== 'appended') {
        const code = result.kind === 'refused' ? result.code : reasonOf(result.kind);
        return settled('rejected', caseId, steps, code, [FIELD_OF_STEP[write.step]]);
      }
      caseId = result.answer.caseId;
      steps.push(write.step);
    }
    return settled('recorded', caseId, steps, null, []);
  }

  private async write(job: CommitJob, row: number, write: RowWrite, caseId: string | null): Promise<WriteResult> {
    const request: WriteRequestContext = {
      actor: job.actor,
      idempotencyKey: write.key,
      ifMatch: null,
      correlationId: job.record.id,
      route: write.step === 'open' || caseId === null ? 'POST /v1/cases' : write.route(caseId),
      importedFrom: { importId: job.record.id, row },
    };
    let result: WriteResult = { kind: 'conflict_after_retries' };
    for (let attempt = 0; attempt < RACED_ATTEMPTS && result.kind === 'conflict_after_retries'; attempt++) {
      const outcome = await this.writer.write({
        request,
        caseId: write.step === 'open' ? null : caseId,
        body: write.body,
        command: (ids) => write.command(ids),
      });
      result = outcome.result;
    }
    return result;
  }
}

function rowWriteOf(write: CheckedWrite, key: string): RowWrite {
  const { body } = write;
  switch (write.step) {
    case 'open':
      return {
        step: 'open',
        key,
        body,
        route: () => 'POST /v1/cases',
        command: () => openCaseCommand(body as OpenCaseDto),
      };
    case 'detention':
      return {
        step: 'detention',
        key,
        body,
        route: (caseId) => `POST /v1/cases/${caseId}/detention`,
        command: () => recordDetentionCommand(body as RecordDetentionDto),
      };
    case 'charge':
      return {
        step: 'charge',
        key,
        body,
        route: (caseId) => `POST /v1/cases/${caseId}/charges`,
        command: (ids) => bringChargeCommand(body as BringChargeDto, ids),
      };
    case 'transfer':
      return {
        step: 'transfer',
        key,
        body,
        route: (caseId) => `POST /v1/cases/${caseId}/transfers`,
        command: () => transferDetaineeCommand(body as TransferDetaineeDto),
      };
    case 'note':
      return {
        step: 'note',
        key,
        body,
        route: (caseId) => `POST /v1/cases/${caseId}/notes`,
        command: () => addNoteCommand(body as AddNoteDto),
      };
    case 'hearing':
      return {
        step: 'hearing',
        key,
        body,
        route: (caseId) => `POST /v1/cases/${caseId}/hearings`,
        command: (ids) => scheduleHearingCommand(body as ScheduleHearingDto, ids),
      };
  }
}

function reasonOf(kind: Exclude<WriteResult['kind'], 'appended' | 'refused'>): RowReason {
  switch (kind) {
    case 'not_found':
      return 'NOT_FOUND';
    case 'version_mismatch':
      return 'VERSION_MISMATCH';
    case 'key_reused':
      return 'IDEMPOTENCY_KEY_REUSED';
    case 'conflict_after_retries':
      return 'CONCURRENCY_CONFLICT';
  }
}

function settled(
  outcome: RowSettlement['outcome'],
  caseId: string | null,
  steps: RowSettlement['steps'],
  errorCode: string | null,
  errorFields: string[],
): RowSettlement {
  return { outcome, caseId, steps, errorCode, errorFields };
}
