import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { Logger } from '@casetrack/config';
import { message } from '@casetrack/i18n';
import { ApiException } from '../common/api-exception';
import { LOGGER } from '../common/logger.provider';
import { CommitRunner } from './commit-runner';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportTable,
  isTableRefusal,
  readTable,
  suggestMapping,
  type TableRefusal,
} from './files';
import { ImportCheck, type RowReport } from './import-check';
import type { ImportRecord } from './import-model';
import { ImportStore } from './import-store';
import type { UploadedList } from './import-upload.interceptor';
import type { CommitImportDto, DryRunImportDto, UploadImportDto } from './imports.dto';
import { asMapping, decisionProblems, mappingProblems } from './request-checks';

/** How many of a column's first non-empty values the upload shows. */
const SAMPLES = 3;

export interface UploadAnswer {
  importId: string;
  status: 'uploaded';
  rows: number;
  columns: Array<{ name: string; sample: string[] }>;
  /** The fields this kind of list may map its columns to. */
  fields: readonly ImportField[];
  suggestedMapping: Record<string, string>;
}

export interface ImportStatusAnswer {
  importId: string;
  status: ImportRecord['status'];
  kind: ImportRecord['kind'];
  rows: number;
  recorded: number;
  skipped: number;
  rejected: number;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * What the import routes do: an upload read and kept sealed, a dry run, a commit handed to the background runner,
 * the progress. An import is its importer's alone: anyone else (a coordinator too) is answered 404, as for an import
 * that does not exist. Logs carry ids and counts, never a name, a column or a cell.
 */
@Injectable()
export class Imports {
  constructor(
    private readonly store: ImportStore,
    private readonly checks: ImportCheck,
    private readonly runner: CommitRunner,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async upload(user: AuthenticatedUser, file: UploadedList | undefined, form: UploadImportDto): Promise<UploadAnswer> {
    if (file === undefined) {
      throw ApiException.validation([{ field: 'file', message: 'file is required: the list as CSV, TSV or XLSX' }]);
    }
    const table = await readTable(file.buffer, file.originalname);
    if (isTableRefusal(table)) throw refusalOf(table, user);
    const kind = form.kind ?? 'cases';
    const importId = randomUUID();
    await this.store.create(
      { id: importId, userId: user.id, kind, timeZone: form.timeZone ?? user.timeZone, fileName: file.originalname },
      table,
    );
    this.logger.info(
      { importId, userId: user.id, rows: table.rows.length, columns: table.columns.length, bytes: file.size },
      'import uploaded',
    );
    return {
      importId,
      status: 'uploaded',
      rows: table.rows.length,
      columns: table.columns.map((name, index) => ({ name, sample: samplesOf(table, index) })),
      fields: IMPORT_FIELDS[kind],
      suggestedMapping: { ...suggestMapping(table.columns, kind) },
    };
  }

  async dryRun(
    user: AuthenticatedUser,
    importId: string,
    body: DryRunImportDto,
  ): Promise<{
    status: 'checked';
    rows: RowReport[];
  }> {
    const record = await this.own(user, importId);
    if (record.status === 'committing' || record.status === 'done') {
      throw new ApiException(409, 'IMPORT_COMMITTED', 'This import is committed: its rows are no longer checked');
    }
    const problems = mappingProblems(body.mapping, record.columns, record.kind);
    if (problems.length > 0) throw ApiException.validation(problems, 'The mapping is not valid');
    const rows = await this.checks.check(record, asMapping(body.mapping), user);
    this.logger.info({ importId, userId: user.id, rows: rows.length, ...countsOf(rows) }, 'import checked');
    return { status: 'checked', rows };
  }

  /** Starts the commit once; a repeat while it runs, or after it is done, answers its status and starts nothing. */
  async commit(
    user: AuthenticatedUser,
    importId: string,
    body: CommitImportDto,
  ): Promise<{ importId: string; status: ImportRecord['status'] }> {
    const record = await this.own(user, importId);
    if (record.status === 'committing' || record.status === 'done') {
      this.logger.info({ importId, userId: user.id, status: record.status }, 'import commit repeated');
      return { importId, status: record.status };
    }
    const problems = mappingProblems(body.mapping, record.columns, record.kind);
    const decided = decisionProblems(body.decisions ?? {}, await this.rowsNamed(importId, body.decisions ?? {}));
    if (problems.length + decided.problems.length > 0) {
      throw ApiException.validation([...problems, ...decided.problems], 'The mapping or the decisions are not valid');
    }
    const started = await this.store.startCommit(importId, asMapping(body.mapping), decided.decisions);
    const now = started ? record : await this.own(user, importId);
    this.logger.info(
      { importId, userId: user.id, decisions: Object.keys(decided.decisions).length, started },
      'import commit',
    );
    if (started) this.runner.poke();
    return { importId, status: started ? 'committing' : now.status };
  }

  async status(user: AuthenticatedUser, importId: string): Promise<ImportStatusAnswer> {
    const record = await this.own(user, importId);
    return {
      importId,
      status: record.status,
      kind: record.kind,
      rows: record.rowCount,
      recorded: record.recorded,
      skipped: record.skipped,
      rejected: record.rejected,
      createdAt: record.createdAt.toISOString(),
      finishedAt: record.finishedAt?.toISOString() ?? null,
    };
  }

  async remove(user: AuthenticatedUser, importId: string): Promise<void> {
    const record = await this.own(user, importId);
    if (record.status === 'committing') {
      throw new ApiException(409, 'IMPORT_COMMITTING', 'The import is being committed; delete it once it is done');
    }
    await this.store.delete(importId, user.id);
    this.logger.info({ importId, userId: user.id }, 'import deleted');
  }

  /** The caller's own import; anyone else's answers 404, like one that does not exist. */
  async own(user: AuthenticatedUser, importId: string): Promise<ImportRecord> {
    const record = await this.store.find(importId, user.id);
    if (record === null) throw ApiException.notFound('No such import');
    return record;
  }

  /** Which of the row numbers the decisions name are rows of the import. */
  private async rowsNamed(importId: string, decisions: Readonly<Record<string, unknown>>): Promise<Set<number>> {
    const numbers = Object.keys(decisions)
      .filter((key) => /^[1-9][0-9]{0,6}$/.test(key))
      .map(Number);
    if (numbers.length === 0) return new Set();
    const rows: Array<{ row: number }> = await this.dataSource.query(
      `SELECT row FROM import_rows WHERE import_id = $1 AND row = ANY($2::int[])`,
      [importId, numbers],
    );
    return new Set(rows.map((row) => row.row));
  }
}

function samplesOf(table: ImportTable, column: number): string[] {
  const samples: string[] = [];
  for (const row of table.rows) {
    const value = (row.cells[column] ?? '').trim();
    if (value !== '') samples.push(value);
    if (samples.length === SAMPLES) break;
  }
  return samples;
}

/** Why a file is not a list, with the contract's body: a code of its own and a sentence in the importer's language. */
function refusalOf(refusal: TableRefusal, user: AuthenticatedUser): ApiException {
  const text = message(user.locale, refusal.messageKey, refusal.values);
  switch (refusal.messageKey) {
    case 'imports.refusal.unreadableText':
      return new ApiException(415, 'IMPORT_UNSUPPORTED_TYPE', text);
    case 'imports.refusal.tooManyRows':
    case 'imports.refusal.tooManyColumns':
      return new ApiException(413, 'IMPORT_TOO_LARGE', text);
    case 'imports.refusal.empty':
    case 'imports.refusal.noHeader':
    case 'imports.refusal.noRows':
      return new ApiException(400, 'IMPORT_EMPTY', text);
    default:
      return new ApiException(400, 'IMPORT_UNREADABLE', text);
  }
}

function countsOf(rows: readonly RowReport[]): Record<'new' | 'duplicate' | 'invalid', number> {
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}
