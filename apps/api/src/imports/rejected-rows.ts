import { Injectable } from '@nestjs/common';
import { hasMessage, type Locale, message } from '@casetrack/i18n';
import type { Cell } from '../reads/exports/files/table-file';
import type { ImportRecord, StoredRow } from './import-model';
import { ImportStore } from './import-store';
import { checkRow, importRowOf, describeProblem, type RowContext } from './row-check';

/**
 * The rows a commit did not record (rejected, and skipped), as the file had them plus the row's number and why, in
 * the reader's language. A row refused by a rule after some of its writes were recorded says which were.
 */
@Injectable()
export class RejectedRows {
  constructor(private readonly store: ImportStore) {}

  header(record: ImportRecord): string[] {
    return [...record.columns, 'row', 'reason'];
  }

  async *batches(record: ImportRecord, locale: Locale): AsyncGenerator<Cell[][]> {
    const context: RowContext | null =
      record.mapping === null
        ? null
        : { table: { columns: record.columns }, mapping: record.mapping, kind: record.kind, timeZone: record.timeZone };
    for await (const batch of this.store.allRows(record.id, { outcomes: ['rejected', 'skipped'] })) {
      const lines: Cell[][] = [];
      for (const row of batch) {
        const cells = row.cells ?? record.columns.map(() => '');
        lines.push([
          ...record.columns.map((_, index) => cells[index] ?? ''),
          row.row,
          await reasonOf(row, context, locale),
        ]);
      }
      if (lines.length > 0) yield lines;
    }
  }
}

async function reasonOf(row: StoredRow, context: RowContext | null, locale: Locale): Promise<string> {
  const code = row.errorCode ?? 'SKIPPED';
  let reason: string;
  if (code === 'VALIDATION_FAILED' && context !== null && row.cells !== null) {
    const { problems } = await checkRow(importRowOf(row, row.cells), context);
    reason = problems.map((problem) => describeProblem(problem, context, locale).message).join('; ');
  } else {
    reason = hasMessage(`imports.reason.${code}`)
      ? message(locale, `imports.reason.${code}`)
      : message(locale, 'imports.reason.refused', { code });
  }
  return row.steps.length === 0
    ? reason
    : `${reason} ${message(locale, 'imports.reason.partlyRecorded', { steps: row.steps.join(', ') })}`;
}
