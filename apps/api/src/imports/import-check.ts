import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { PossibleDuplicate } from '@casetrack/read-model';
import { CaseMatches } from './case-matches';
import type { ImportMapping } from './files';
import type { CheckedOutcome, ImportRecord, StoredRow } from './import-model';
import { ImportStore } from './import-store';
import { mapInOrder } from './in-order';
import { checkRow, importRowOf, describeProblem, type RowContext } from './row-check';
import { FileDuplicates, type RowDuplicate, type RowPerson } from './row-duplicates';
import { caseIdOfRow } from './row-keys';

/** A row as the dry run answers it. */
export interface RowReport {
  row: number;
  /** Whom the row is about, as it gives the name; null once recorded (its cells are gone) or when it gives none. */
  fullName: string | null;
  outcome: CheckedOutcome;
  errors: Array<{ field: string; message: string }>;
  possibleDuplicates: Array<PossibleDuplicate | RowDuplicate>;
}

/**
 * Rows whose read-model look-ups run side by side, each slot taking the next row as soon as its own is done. The
 * service mostly waits for these queries (a profile of a 5,000-row dry run among 5,000 cases: idle two thirds of the
 * time at 4), and 8 took about a third off it; more would hold most of TypeORM's 10 connections, which the API's
 * requests share.
 */
const CONCURRENT_LOOKUPS = 8;

/**
 * The dry run: every row read through the mapping and validated as its writes' routes would validate them, its
 * possible duplicates found among the cases (the query of `possibleDuplicates`) and among the earlier rows of the same
 * file. Its word on each row (`new`, `duplicate`, `invalid`) is stored with the mapping, for the commit.
 *
 * A `hearings` row is `new` when it names one case (by id, or by a name only one case the importer may see is alike
 * to), `duplicate` when several cases are alike (a decision `{addTo}` chooses), `invalid` when none is.
 */
@Injectable()
export class ImportCheck {
  constructor(
    private readonly store: ImportStore,
    private readonly matches: CaseMatches,
  ) {}

  async check(record: ImportRecord, mapping: ImportMapping, user: AuthenticatedUser): Promise<RowReport[]> {
    const context: RowContext = {
      table: { columns: record.columns },
      mapping,
      kind: record.kind,
      timeZone: record.timeZone,
    };
    const inFile = new FileDuplicates((row) => caseIdOfRow(user.id, record.id, row));
    const reports: RowReport[] = [];
    for await (const batch of this.store.allRows(record.id)) {
      const checked = await mapInOrder(batch, CONCURRENT_LOOKUPS, (row) => this.checkOne(record, row, context, user));
      for (const { report, person } of checked) {
        // In file order, so that the first of two alike rows opens the case and the later one names it.
        const earlier = report.outcome === 'invalid' || person === null ? [] : inFile.add(person);
        if (earlier.length > 0 && record.kind === 'cases') {
          reports.push({
            ...report,
            outcome: 'duplicate',
            possibleDuplicates: [...report.possibleDuplicates, ...earlier],
          });
        } else {
          reports.push(report);
        }
      }
    }
    await this.store.saveChecked(
      record.id,
      mapping,
      reports.map((report) => ({ row: report.row, checked: report.outcome })),
    );
    return reports;
  }

  private async checkOne(
    record: ImportRecord,
    stored: StoredRow,
    context: RowContext,
    user: AuthenticatedUser,
  ): Promise<{ report: RowReport; person: RowPerson | null }> {
    const locale = user.locale;
    if (stored.cells === null) {
      // Recorded by an earlier commit: the case holds its facts, and the row is nobody's duplicate any more.
      return {
        report: { row: stored.row, fullName: null, outcome: 'new', errors: [], possibleDuplicates: [] },
        person: null,
      };
    }
    const { read, problems } = await checkRow(importRowOf(stored, stored.cells), context);
    const errors = problems.map((problem) => describeProblem(problem, context, locale));
    const person: RowPerson = { row: stored.row, ...read.person };
    const fullName = read.person.fullName === '' ? null : read.person.fullName;
    if (errors.length > 0) {
      return { report: { row: stored.row, fullName, outcome: 'invalid', errors, possibleDuplicates: [] }, person };
    }
    const viewer = { id: user.id, role: user.role };
    if (record.kind === 'hearings') {
      const cases = await this.matches.forHearing(viewer, read);
      const outcome: CheckedOutcome = cases.length === 0 ? 'invalid' : cases.length === 1 ? 'new' : 'duplicate';
      const notMatched =
        cases.length === 0
          ? [
              describeProblem(
                { field: read.caseId === null ? 'fullName' : 'caseId', messageKey: 'imports.case.notMatched' },
                context,
                locale,
              ),
            ]
          : [];
      return {
        report: { row: stored.row, fullName, outcome, errors: notMatched, possibleDuplicates: cases },
        person: null,
      };
    }
    const existing = await this.matches.existing(viewer, read, caseIdOfRow(user.id, record.id, stored.row));
    const outcome: CheckedOutcome = existing.length > 0 ? 'duplicate' : 'new';
    return { report: { row: stored.row, fullName, outcome, errors: [], possibleDuplicates: existing }, person };
  }
}
