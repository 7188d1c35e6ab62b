import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ImportKind, ImportMapping, ImportTable } from './files';
import type {
  CheckedOutcome,
  ImportDecisions,
  ImportRecord,
  ImportStatus,
  RecordedStep,
  RowOutcome,
  RowSettlement,
  StoredRow,
} from './import-model';
import { ImportSeal } from './import-seal';

/** Rows inserted, read or updated per statement: few round trips, bounded memory. */
export const ROW_BATCH = 1_000;

interface ImportRow {
  id: string;
  user_id: string;
  kind: ImportKind;
  time_zone: string;
  status: ImportStatus;
  row_count: number;
  sealed_file_name: Buffer;
  sealed_columns: Buffer;
  sealed_checked_mapping: Buffer | null;
  sealed_mapping: Buffer | null;
  decisions: ImportDecisions | null;
  recorded: number;
  skipped: number;
  rejected: number;
  created_at: Date;
  finished_at: Date | null;
}

interface RowRow {
  row: number;
  sealed_cells: Buffer | null;
  checked: CheckedOutcome | null;
  outcome: RowOutcome;
  case_id: string | null;
  steps: RecordedStep[];
  error_code: string | null;
  error_fields: string[];
}

/** The `imports` and `import_rows` tables; what was typed goes in and comes out through ImportSeal. */
@Injectable()
export class ImportStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealing: ImportSeal,
  ) {}

  async create(
    input: { id: string; userId: string; kind: ImportKind; timeZone: string; fileName: string },
    table: ImportTable,
  ): Promise<void> {
    const { id } = input;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO imports (id, user_id, kind, time_zone, status, sealed_file_name, sealed_columns, row_count)
         VALUES ($1, $2, $3, $4, 'uploaded', $5, $6, $7)`,
        [
          id,
          input.userId,
          input.kind,
          input.timeZone,
          this.sealing.seal(id, 'file-name', input.fileName),
          this.sealing.seal(id, 'columns', table.columns),
          table.rows.length,
        ],
      );
      for (let start = 0; start < table.rows.length; start += ROW_BATCH) {
        const batch = table.rows.slice(start, start + ROW_BATCH);
        await manager.query(
          `INSERT INTO import_rows (import_id, row, sealed_cells)
           SELECT $1, r.row, r.cells FROM unnest($2::int[], $3::bytea[]) AS r(row, cells)`,
          [
            id,
            batch.map((row) => row.row),
            batch.map((row) => this.sealing.seal(id, { row: row.row }, sealedRowOf(row))),
          ],
        );
      }
    });
  }

  /** The import, if it is `userId`'s: another user's import is answered like one that does not exist. */
  async find(importId: string, userId: string | null): Promise<ImportRecord | null> {
    const rows: ImportRow[] = await this.dataSource.query(`SELECT * FROM imports WHERE id = $1`, [importId]);
    const row = rows[0];
    if (row === undefined || (userId !== null && row.user_id !== userId)) return null;
    return this.recordOf(row);
  }

  /** The rows in file order, a batch at a time, from the row after `after`; `pendingOnly`: those not yet settled. */
  async rows(importId: string, after: number, limit: number, pendingOnly = false): Promise<StoredRow[]> {
    const rows: RowRow[] = await this.dataSource.query(
      `SELECT row, sealed_cells, checked, outcome, case_id, steps, error_code, error_fields FROM import_rows
        WHERE import_id = $1 AND row > $2 ${pendingOnly ? `AND outcome = 'pending'` : ''}
        ORDER BY row LIMIT $3`,
      [importId, after, limit],
    );
    return rows.map((row) => this.storedRowOf(importId, row));
  }

  /** Every row in file order, read in batches. */
  async *allRows(importId: string, filter: { outcomes?: RowOutcome[] } = {}): AsyncGenerator<StoredRow[]> {
    for (let after = 0; ;) {
      const batch = await this.rows(importId, after, ROW_BATCH);
      if (batch.length === 0) return;
      after = batch[batch.length - 1].row;
      const wanted = filter.outcomes;
      yield wanted ? batch.filter((row) => wanted.includes(row.outcome)) : batch;
    }
  }

  /** A dry run's word on each row, and the mapping it was checked with; the import is `checked` unless committing. */
  async saveChecked(
    importId: string,
    mapping: ImportMapping,
    checked: ReadonlyArray<{ row: number; checked: CheckedOutcome }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    for (let start = 0; start < checked.length; start += ROW_BATCH) {
      const batch = checked.slice(start, start + ROW_BATCH);
      await manager.query(
        `UPDATE import_rows r SET checked = c.checked
           FROM unnest($2::int[], $3::text[]) AS c(row, checked)
          WHERE r.import_id = $1 AND r.row = c.row`,
        [importId, batch.map((item) => item.row), batch.map((item) => item.checked)],
      );
    }
    await manager.query(
      `UPDATE imports SET sealed_checked_mapping = $2, updated_at = now(),
              status = CASE WHEN status IN ('uploaded', 'checked') THEN 'checked' ELSE status END
        WHERE id = $1`,
      [importId, this.sealing.seal(importId, 'checked-mapping', mapping)],
    );
  }

  /**
   * Starts the commit once: only an import not committing or done yet moves to `committing`, with the mapping and
   * decisions it records by. False when it was already started (or finished).
   */
  async startCommit(importId: string, mapping: ImportMapping, decisions: ImportDecisions): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE imports SET status = 'committing', sealed_mapping = $2, decisions = $3, updated_at = now()
        WHERE id = $1 AND status IN ('uploaded', 'checked', 'failed')
        RETURNING id`,
      [importId, this.sealing.seal(importId, 'mapping', mapping), JSON.stringify(decisions)],
    );
    return firstOf(rows) !== undefined;
  }

  /** Ids of imports waiting for their commit to run, oldest first. */
  async committing(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM imports WHERE status = 'committing' ORDER BY updated_at, id`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Settles pending rows (a commit's window of them) and moves their import's counters in one statement, so one round
   * trip and one update of the import's row stand for the window; a row settled before is left as it is, so a row is
   * never counted twice. A recorded row's cells go: its case holds the facts now.
   */
  async settle(importId: string, rows: ReadonlyArray<{ row: number; settlement: RowSettlement }>): Promise<void> {
    if (rows.length === 0) return;
    const given = rows.map(({ row, settlement }) => ({
      row,
      outcome: settlement.outcome,
      case_id: settlement.caseId,
      steps: settlement.steps,
      error_code: settlement.errorCode,
      error_fields: settlement.errorFields,
    }));
    await this.dataSource.query(
      `WITH given AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS g(row integer, outcome text, case_id uuid, steps text[], error_code text, error_fields text[])),
       settled AS (
         UPDATE import_rows r SET outcome = g.outcome, case_id = g.case_id, steps = g.steps,
                error_code = g.error_code, error_fields = g.error_fields,
                sealed_cells = CASE WHEN g.outcome = 'recorded' THEN NULL ELSE r.sealed_cells END
           FROM given g
          WHERE r.import_id = $1 AND r.row = g.row AND r.outcome = 'pending'
          RETURNING r.outcome)
       UPDATE imports SET recorded = recorded + (SELECT count(*) FROM settled WHERE outcome = 'recorded'),
              skipped = skipped + (SELECT count(*) FROM settled WHERE outcome = 'skipped'),
              rejected = rejected + (SELECT count(*) FROM settled WHERE outcome = 'rejected'),
              updated_at = now()
        WHERE id = $1`,
      [importId, JSON.stringify(given)],
    );
  }

  /** The case a pending row's facts go to, decided before its first write, so that a resumed commit keeps to it. */
  async noteCase(importId: string, row: number, caseId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_rows SET case_id = $3 WHERE import_id = $1 AND row = $2 AND outcome = 'pending'`,
      [importId, row, caseId],
    );
  }

  async finish(importId: string, status: 'done' | 'failed'): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'committing'`,
      [importId, status],
    );
  }

  /** Deletes an import and its rows; false when there was none of this user's. */
  async delete(importId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `DELETE FROM imports WHERE id = $1 AND user_id = $2 RETURNING id`,
      [importId, userId],
    );
    return firstOf(rows) !== undefined;
  }

  /**
   * Imports older than `days` go with their rows, except one still committing (it is purged once done). Answers how
   * many went.
   */
  async purgeOlderThan(days: number): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `DELETE FROM imports WHERE created_at < now() - make_interval(days => $1) AND status <> 'committing'
       RETURNING id`,
      [days],
    );
    return returned(rows).length;
  }

  private recordOf(row: ImportRow): ImportRecord {
    const { id } = row;
    return {
      id,
      userId: row.user_id,
      kind: row.kind,
      timeZone: row.time_zone,
      status: row.status,
      rowCount: row.row_count,
      fileName: this.sealing.open<string>(id, 'file-name', row.sealed_file_name),
      columns: this.sealing.open<string[]>(id, 'columns', row.sealed_columns),
      checkedMapping:
        row.sealed_checked_mapping === null
          ? null
          : this.sealing.open<ImportMapping>(id, 'checked-mapping', row.sealed_checked_mapping),
      mapping: row.sealed_mapping === null ? null : this.sealing.open<ImportMapping>(id, 'mapping', row.sealed_mapping),
      decisions: row.decisions ?? {},
      recorded: row.recorded,
      skipped: row.skipped,
      rejected: row.rejected,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  private storedRowOf(importId: string, row: RowRow): StoredRow {
    const sealed =
      row.sealed_cells === null ? null : this.sealing.open<SealedRow>(importId, { row: row.row }, row.sealed_cells);
    return {
      row: row.row,
      cells: sealed === null ? null : sealed.cells,
      ...(sealed?.cellCount !== undefined ? { cellCount: sealed.cellCount } : {}),
      checked: row.checked,
      outcome: row.outcome,
      caseId: row.case_id,
      steps: row.steps,
      errorCode: row.error_code,
      errorFields: row.error_fields,
    };
  }
}

/** What is sealed of a row: its cells, and how many the file had when that was not the header's count. */
interface SealedRow {
  cells: readonly string[];
  cellCount?: number;
}

function sealedRowOf(row: ImportTable['rows'][number]): SealedRow {
  return row.cellCount === undefined ? { cells: row.cells } : { cells: row.cells, cellCount: row.cellCount };
}

/** The rows of a DELETE/UPDATE ... RETURNING: TypeORM answers those `[rows, count]`, a SELECT the rows alone. */
function returned(result: unknown[]): unknown[] {
  return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? (result[0] as unknown[])
    : result;
}

function firstOf(result: unknown[]): unknown {
  return returned(result)[0];
}
