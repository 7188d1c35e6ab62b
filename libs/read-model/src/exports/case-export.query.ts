import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Consent, HearingKind, HearingTimePrecision } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { caseListConditions } from '../queries/cases/case-list-conditions';
import { termEnded, type SummaryRow } from '../queries/cases/case-summary';
import type { CaseListFilters } from '../queries/cases/case-list-filters';
import { hearingAhead } from '../queries/hearing-ahead';
import { Sql } from '../queries/sql';
import type { Viewer } from '../queries/viewer';

/** The summary's times, as an export reads them: milliseconds since the epoch (see EXPORT_COLUMNS). */
type SummaryTimes = 'measure_until' | 'expected_release_at' | 'last_recorded_at';

/**
 * A case as an export reads it: every column of the summary (its times as epoch milliseconds) and what the export
 * adds to them.
 */
export interface CaseExportRow extends Omit<SummaryRow, SummaryTimes> {
  measure_until: number | null;
  expected_release_at: number | null;
  last_recorded_at: number;
  /** The year of birth, from the full date when it is known; null when neither is (or after an erasure). */
  birth_year: number | null;
  /** Allegations (not retracted) by the consent the person gave; none recorded: an empty object. */
  allegations_by_consent: Partial<Record<Consent, number>>;
  /** The account name of each lawyer of `lawyers`, in the same order; null for an account that is gone. */
  lawyer_names: Array<string | null>;
  nextHearing: ExportedHearing | null;
}

/** The case's next hearing (the summary's `nextHearing`): the earliest still scheduled that has not passed. */
export interface ExportedHearing {
  kind: HearingKind;
  court: string;
  /** Epoch milliseconds. */
  scheduledAt: number;
  /** `day`: only the day is known; the export writes the date alone. */
  scheduledAtPrecision: HearingTimePrecision;
}

/**
 * The cases of the case list, read in batches for an export: keyset pages by case id, each one short statement of its
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
   * The matching cases in case id order, `size` at a time. The next batch's statement is sent as soon as the rows of
   * the last one are in, before they are shaped and while the caller writes them out (one statement ahead, never
   * more): the database and the formatting overlap, and the database never waits for the formatting to ask.
   */
  async *batches(viewer: Viewer, filters: CaseListFilters, size: number): AsyncGenerator<CaseExportRow[]> {
    const lawyerNames = new Map<string, string | null>();
    let pending: Promise<ExportSqlRow[]> | null = this.batch(viewer, filters, null, size);
    while (pending !== null) {
      const rows: ExportSqlRow[] = await pending;
      const last = rows.length < size ? null : rows[rows.length - 1].case_id;
      pending = last === null ? null : this.batch(viewer, filters, last, size);
      // A read ahead that fails while the caller is still busy is reported by the next await, not as unhandled.
      pending?.catch(() => undefined);
      if (rows.length === 0) continue;
      await this.learnNames(rows, lawyerNames);
      yield rows.map((row) => exportRow(row, lawyerNames));
    }
  }

  /** One batch in one statement: the cases after `after`, each with its next hearing (joined, not a second query). */
  private batch(viewer: Viewer, filters: CaseListFilters, after: string | null, size: number): Promise<ExportSqlRow[]> {
    const sql = new Sql();
    exportConditions(sql, viewer, filters);
    if (after !== null) sql.where(`c.case_id > ${sql.param(after)}::uuid`);
    return this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS}
         FROM ${READ_MODEL_SCHEMA}.cases c
         LEFT JOIN LATERAL (
              SELECT h.kind, h.court, h.scheduled_at, h.scheduled_precision FROM ${READ_MODEL_SCHEMA}.hearings h
               WHERE h.case_id = c.case_id AND ${hearingAhead('h')}
               ORDER BY h.scheduled_at, h.hearing_id LIMIT 1) n ON true
         ${sql.whereClause}
        ORDER BY c.case_id LIMIT ${sql.param(size)}`,
      sql.params,
    );
  }

  /**
   * The account names of the lawyers of these rows not met before in this export: a few hundred accounts at most,
   * read once per export rather than joined into every row.
   */
  private async learnNames(rows: readonly ExportSqlRow[], names: Map<string, string | null>): Promise<void> {
    const unknown = new Set<string>();
    for (const row of rows)
      for (const lawyer of row.lawyers) if (!names.has(lawyer.lawyerId)) unknown.add(lawyer.lawyerId);
    if (unknown.size === 0) return;
    const found: Array<{ id: string; name: string }> = await this.dataSource.query(
      'SELECT id, name FROM users WHERE id = ANY($1::uuid[])',
      [[...unknown]],
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

/** A time as epoch milliseconds (float8): a number costs the driver far less to read than a timestamp's text. */
const ms = (column: string): string => `date_part('epoch', ${column}) * 1000`;

/**
 * The summary's columns (times as epoch milliseconds), the next hearing, the year of birth (a number, or the year of
 * the full date; an erasure marker is neither) and the allegations' consents (by jsonb path: no subplan per row).
 */
const EXPORT_COLUMNS = `c.case_id, c.full_name, to_json(c.name_variants) AS name_variants, c.city, c.status, c.closed,
  c.current_facility, c.charges, c.lawyers, c.measure, ${ms('c.measure_until')} AS measure_until,
  ${ms('c.expected_release_at')} AS expected_release_at, c.expected_release_precision, ${termEnded('c')} AS term_ended,
  c.open_complaints, c.torture_allegations, to_json(c.vulnerabilities) AS vulnerabilities,
  to_json(c.public_roles) AS public_roles, c.version,
  ${ms('c.last_recorded_at')} AS last_recorded_at,
  CASE WHEN jsonb_typeof(c.detail->'birthYear') = 'number' THEN (c.detail->'birthYear')::float8
       ELSE substring(c.detail->>'birthDate' FROM '^(\\d{4})-')::float8 END AS birth_year,
  jsonb_path_query_array(c.detail, '$.allegations[*].consent') AS allegation_consents,
  n.kind AS next_hearing_kind, n.court AS next_hearing_court, ${ms('n.scheduled_at')} AS next_hearing_at,
  n.scheduled_precision AS next_hearing_precision`;

interface ExportSqlRow extends Omit<CaseExportRow, 'allegations_by_consent' | 'lawyer_names' | 'nextHearing'> {
  allegation_consents: Consent[];
  next_hearing_kind: HearingKind | null;
  next_hearing_court: string | null;
  next_hearing_at: number | null;
  next_hearing_precision: HearingTimePrecision | null;
}

/** Every field named (no spread): a hundred thousand rows take one shape, and nothing is copied twice. */
function exportRow(row: ExportSqlRow, names: ReadonlyMap<string, string | null>): CaseExportRow {
  return {
    case_id: row.case_id,
    full_name: row.full_name,
    name_variants: row.name_variants,
    city: row.city,
    status: row.status,
    closed: row.closed,
    current_facility: row.current_facility,
    charges: row.charges,
    lawyers: row.lawyers,
    measure: row.measure,
    measure_until: row.measure_until,
    expected_release_at: row.expected_release_at,
    expected_release_precision: row.expected_release_precision,
    term_ended: row.term_ended,
    open_complaints: row.open_complaints,
    torture_allegations: row.torture_allegations,
    vulnerabilities: row.vulnerabilities,
    public_roles: row.public_roles,
    version: row.version,
    last_recorded_at: row.last_recorded_at,
    birth_year: row.birth_year,
    allegations_by_consent: countConsents(row.allegation_consents),
    lawyer_names: row.lawyers.map((lawyer) => names.get(lawyer.lawyerId) ?? null),
    nextHearing:
      row.next_hearing_kind === null || row.next_hearing_court === null || row.next_hearing_at === null
        ? null
        : {
            kind: row.next_hearing_kind,
            court: row.next_hearing_court,
            scheduledAt: row.next_hearing_at,
            scheduledAtPrecision: row.next_hearing_precision ?? 'exact',
          },
  };
}

function countConsents(consents: readonly Consent[]): Partial<Record<Consent, number>> {
  const counted: Partial<Record<Consent, number>> = {};
  for (const consent of consents) counted[consent] = (counted[consent] ?? 0) + 1;
  return counted;
}
