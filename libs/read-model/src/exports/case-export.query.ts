import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Consent } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import type { NextHearingView } from '../projection/views';
import { caseListConditions } from '../queries/cases/case-list-conditions';
import { nextHearings, summaryColumns, type SummaryRow } from '../queries/cases/case-summary';
import type { CaseListFilters } from '../queries/cases/case-list-filters';
import { Sql } from '../queries/sql';
import type { Viewer } from '../queries/viewer';

/** A case as an export reads it: the summary's columns and what the export adds to them. */
export interface CaseExportRow extends SummaryRow {
  /** The year of birth, from the full date when it is known; null when neither is (or after an erasure). */
  birth_year: number | null;
  /** Allegations (not retracted) by the consent the person gave; none recorded: an empty object. */
  allegations_by_consent: Partial<Record<Consent, number>>;
  /** The account name of each lawyer of `lawyers`, in the same order; null for an account that is gone. */
  lawyer_names: Array<string | null>;
  nextHearing: NextHearingView | null;
}

/**
 * The cases of the case list, read in batches for an export: keyset pages by case id, each a short statement of its
 * own. Not a cursor: a cursor holds a transaction open for the whole download, and the event feed holds back every
 * event committed after an open transaction began. By case id rather than by a sort key that changes (the last
 * recorded time): a case written to during the export is still read exactly once, as it stood when its batch was read.
 */
@Injectable()
export class CaseExportSource {
  constructor(private readonly dataSource: DataSource) {}

  /** How many cases the filters match now. */
  async count(viewer: Viewer, filters: CaseListFilters): Promise<number> {
    const sql = new Sql();
    exportConditions(sql, viewer, filters);
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${READ_MODEL_SCHEMA}.cases c ${sql.whereClause}`,
      sql.params,
    );
    return rows[0].n;
  }

  /**
   * The matching cases in case id order, `size` at a time. The next batch is read while the caller writes out the one
   * it was given (one statement ahead, never more), so the database and the formatting overlap.
   */
  async *batches(viewer: Viewer, filters: CaseListFilters, size: number): AsyncGenerator<CaseExportRow[]> {
    const lawyerNames = new Map<string, string | null>();
    let pending: Promise<CaseExportRow[]> | null = this.batch(viewer, filters, null, size, lawyerNames);
    while (pending !== null) {
      const rows: CaseExportRow[] = await pending;
      const last = rows.length < size ? null : rows[rows.length - 1].case_id;
      pending = last === null ? null : this.batch(viewer, filters, last, size, lawyerNames);
      // A read ahead that fails while the caller is still busy is reported by the next await, not as unhandled.
      pending?.catch(() => undefined);
      if (rows.length > 0) yield rows;
    }
  }

  private async batch(
    viewer: Viewer,
    filters: CaseListFilters,
    after: string | null,
    size: number,
    lawyerNames: Map<string, string | null>,
  ): Promise<CaseExportRow[]> {
    const sql = new Sql();
    exportConditions(sql, viewer, filters);
    if (after !== null) sql.where(`c.case_id > ${sql.param(after)}::uuid`);
    const rows: ExportSqlRow[] = await this.dataSource.query(
      `SELECT ${summaryColumns('c')}, ${EXPORT_COLUMNS}
         FROM ${READ_MODEL_SCHEMA}.cases c ${sql.whereClause}
        ORDER BY c.case_id LIMIT ${sql.param(size)}`,
      sql.params,
    );
    const [next] = await Promise.all([
      nextHearings(
        this.dataSource,
        rows.map((row) => row.case_id),
      ),
      this.learnNames(rows, lawyerNames),
    ]);
    return rows.map(({ birth_year_value, birth_date, allegation_consents, ...row }) => ({
      ...row,
      birth_year: birthYear(birth_year_value, birth_date),
      allegations_by_consent: countConsents(allegation_consents),
      lawyer_names: row.lawyers.map((lawyer) => lawyerNames.get(lawyer.lawyerId) ?? null),
      nextHearing: next.get(row.case_id) ?? null,
    }));
  }

  /**
   * The account names of the lawyers of these rows not met before in this export: a few hundred accounts at most,
   * read once per export rather than joined into every row.
   */
  private async learnNames(rows: readonly ExportSqlRow[], names: Map<string, string | null>): Promise<void> {
    const unknown = [...new Set(rows.flatMap((row) => row.lawyers.map((l) => l.lawyerId)))].filter(
      (id) => !names.has(id),
    );
    if (unknown.length === 0) return;
    const found: Array<{ id: string; name: string }> = await this.dataSource.query(
      'SELECT id, name FROM users WHERE id = ANY($1::uuid[])',
      [unknown],
    );
    for (const id of unknown) names.set(id, null);
    for (const user of found) names.set(user.id, user.name);
  }
}

/**
 * The list's conditions, but for `tortureAlleged`: an export never shows an allegation given for internal use only
 * (see the consent columns), so it must not select a case by one either. A case whose allegations are all internal
 * is, for an export, a case without one.
 */
function exportConditions(sql: Sql, viewer: Viewer, filters: CaseListFilters): void {
  const { tortureAlleged, ...others } = filters;
  caseListConditions(sql, 'c', viewer, others);
  if (tortureAlleged === undefined) return;
  const shown = `jsonb_path_exists(c.detail, '$.allegations[*] ? (@.consent == "full" || @.consent == "anonymised")')`;
  sql.where(tortureAlleged ? shown : `NOT ${shown}`);
}

/** What the export reads besides the summary: the person's year or date of birth and the allegations' consents. */
const EXPORT_COLUMNS = `c.detail->'birthYear' AS birth_year_value, c.detail->>'birthDate' AS birth_date,
  jsonb_path_query_array(c.detail, '$.allegations[*].consent') AS allegation_consents`;

interface ExportSqlRow extends SummaryRow {
  /** A number, or the erasure marker once the case's key is destroyed; null when unknown. */
  birth_year_value: unknown;
  birth_date: string | null;
  allegation_consents: Consent[];
}

/** The year of birth, from the full date when it is known; null when neither is, or after an erasure. */
function birthYear(year: unknown, date: string | null): number | null {
  if (typeof year === 'number') return year;
  const match = date === null ? null : /^(\d{4})-/.exec(date);
  return match ? Number(match[1]) : null;
}

function countConsents(consents: readonly Consent[]): Partial<Record<Consent, number>> {
  const counted: Partial<Record<Consent, number>> = {};
  for (const consent of consents) counted[consent] = (counted[consent] ?? 0) + 1;
  return counted;
}
