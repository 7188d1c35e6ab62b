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
    let pending: Promise<CaseExportRow[]> | null = this.batch(viewer, filters, null, size);
    while (pending !== null) {
      const rows: CaseExportRow[] = await pending;
      pending = rows.length < size ? null : this.batch(viewer, filters, rows[rows.length - 1].case_id, size);
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
  ): Promise<CaseExportRow[]> {
    const sql = new Sql();
    exportConditions(sql, viewer, filters);
    if (after !== null) sql.where(`c.case_id > ${sql.param(after)}::uuid`);
    const rows: Array<Omit<CaseExportRow, 'nextHearing'>> = await this.dataSource.query(
      `SELECT ${summaryColumns('c')}, ${EXPORT_COLUMNS}
         FROM ${READ_MODEL_SCHEMA}.cases c ${sql.whereClause}
        ORDER BY c.case_id LIMIT ${sql.param(size)}`,
      sql.params,
    );
    const next = await nextHearings(
      this.dataSource,
      rows.map((row) => row.case_id),
    );
    return rows.map((row) => ({ ...row, nextHearing: next.get(row.case_id) ?? null }));
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
  const shown = `EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(c.detail->'allegations', '[]'::jsonb)) a
                          WHERE a->>'consent' IN ('full', 'anonymised'))`;
  sql.where(tortureAlleged ? shown : `NOT ${shown}`);
}

/** The year of birth, allegations by consent and the lawyers' names, from the row's detail document and the users. */
const EXPORT_COLUMNS = `
  CASE WHEN jsonb_typeof(c.detail->'birthYear') = 'number' THEN (c.detail->>'birthYear')::int
       WHEN c.detail->>'birthDate' ~ '^[0-9]{4}-' THEN substr(c.detail->>'birthDate', 1, 4)::int END AS birth_year,
  (SELECT coalesce(jsonb_object_agg(k.consent, k.n), '{}'::jsonb)
     FROM (SELECT coalesce(a->>'consent', 'internal_only') AS consent, count(*) AS n
             FROM jsonb_array_elements(coalesce(c.detail->'allegations', '[]'::jsonb)) a GROUP BY 1) k
  ) AS allegations_by_consent,
  ARRAY(SELECT u.name FROM jsonb_array_elements(c.lawyers) WITH ORDINALITY AS l(lawyer, n)
          LEFT JOIN users u ON u.id = (l.lawyer->>'lawyerId')::uuid ORDER BY l.n) AS lawyer_names`;
