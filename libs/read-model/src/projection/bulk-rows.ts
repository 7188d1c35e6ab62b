import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteSchema } from './read-model-schema';
import type { CaseRows } from './views';

const TABLES = ['cases', 'hearings', 'complaints'] as const;

type Table = (typeof TABLES)[number];

/** How a column's value is written in COPY's text format. */
type ColumnKind = 'scalar' | 'array' | 'json';

interface Column {
  name: string;
  kind: ColumnKind;
}

/** The columns of a schema's case tables, in table order, as `insertCaseRows` writes them. */
export type CaseRowColumns = Readonly<Record<Table, readonly Column[]>>;

/**
 * Reads the columns of the case tables from the catalogue, so that the column list lives in the migrations only. Read
 * once per schema a bulk projector fills: the rows' keys are the column names (views.ts), and a key the row lacks is
 * written as NULL.
 */
export async function caseRowColumns(client: ClientBase, schema: string): Promise<CaseRowColumns> {
  const s = quoteSchema(schema);
  const columns = {} as Record<Table, Column[]>;
  for (const table of TABLES) {
    const { rows } = await client.query<{ name: string; category: string; type: string }>(
      `SELECT a.attname AS name, t.typcategory AS category, t.typname AS type
         FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [`${s}.${table}`],
    );
    if (rows.length === 0) throw new Error(`No table ${s}.${table}`);
    columns[table] = rows.map((row) => ({ name: row.name, kind: kindOf(row.category, row.type) }));
  }
  return columns;
}

function kindOf(category: string, type: string): ColumnKind {
  if (category === 'A') return 'array';
  return type === 'json' || type === 'jsonb' ? 'json' : 'scalar';
}

/**
 * Text that COPY would read otherwise than the live projector's JSON statements do: a NUL character, which both
 * refuse but with different errors (the quarantine records which), or half a surrogate pair, which COPY would store
 * as a replacement character where the JSON statements refuse it.
 */
export class NotCopyable extends Error {
  constructor() {
    super('The rows hold text that COPY does not read as the JSON statements do');
    this.name = 'NotCopyable';
  }
}

/**
 * Inserts the rows of cases that have none yet in `schema` (a rebuild's fresh tables) with one `COPY` per table, the
 * cheapest way into PostgreSQL: a rebuild of 100,000 cases took about a quarter less time than with
 * `jsonb_populate_recordset`. The caller runs it inside a transaction, so that the three tables are written whole or
 * not at all. Rows holding text COPY cannot take as the live projector's statements do go as one such statement.
 */
export async function insertCaseRows(
  client: ClientBase,
  schema: string,
  columns: CaseRowColumns,
  rows: readonly CaseRows[],
): Promise<void> {
  if (rows.length === 0) return;
  const s = quoteSchema(schema);
  const byTable: Record<Table, readonly object[]> = {
    cases: rows.map((r) => r.case),
    hearings: rows.flatMap((r) => r.hearings),
    complaints: rows.flatMap((r) => r.complaints),
  };
  let texts: string[];
  try {
    // All made before the first COPY starts: nothing is written when a row is not copyable, and the server is not
    // kept waiting inside a COPY while this process builds its text.
    texts = TABLES.map((table) => copyText(columns[table], byTable[table]));
  } catch (error) {
    if (!(error instanceof NotCopyable)) throw error;
    await insertCaseRowsAsJson(client, s, byTable);
    return;
  }
  for (const [i, table] of TABLES.entries()) {
    if (texts[i] === '') continue;
    const names = columns[table].map((column) => `"${column.name}"`).join(', ');
    await pipeline(Readable.from([texts[i]]), client.query(copyFrom(`COPY ${s}.${table} (${names}) FROM STDIN`)));
  }
}

/** The rows expanded from one JSON array per table by the table's own row type, as the live projector writes them. */
async function insertCaseRowsAsJson(
  client: ClientBase,
  s: string,
  byTable: Readonly<Record<Table, readonly object[]>>,
): Promise<void> {
  await client.query(
    `WITH hearings AS (
       INSERT INTO ${s}.hearings SELECT * FROM jsonb_populate_recordset(NULL::${s}.hearings, $2::jsonb)
     ), complaints AS (
       INSERT INTO ${s}.complaints SELECT * FROM jsonb_populate_recordset(NULL::${s}.complaints, $3::jsonb)
     )
     INSERT INTO ${s}.cases SELECT * FROM jsonb_populate_recordset(NULL::${s}.cases, $1::jsonb)`,
    [JSON.stringify(byTable.cases), JSON.stringify(byTable.hearings), JSON.stringify(byTable.complaints)],
  );
}

/** The rows in COPY's text format: one line per row, columns separated by tabs, NULL as `\N`. */
export function copyText(columns: readonly Column[], rows: readonly object[]): string {
  let text = '';
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += '\t';
      text += copyValue(columns[i].kind, values[columns[i].name]);
    }
    text += '\n';
  }
  return text;
}

function copyValue(kind: ColumnKind, value: unknown): string {
  // A JSON null is an SQL NULL, as jsonb_populate_recordset reads it.
  if (value === null || value === undefined) return '\\N';
  if (kind === 'json') return escapeCopy(JSON.stringify(value));
  if (kind === 'array') {
    if (!Array.isArray(value)) throw new TypeError('An array column holds a value that is not an array');
    return escapeCopy(arrayLiteral(value));
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return escapeCopy(copyable(value));
  // As JSON.stringify writes them, so that the rows are those of the live projector's statements.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  throw new TypeError(`A column holds a ${typeof value}`);
}

function copyable(text: string): string {
  if (text.includes('\0') || !text.isWellFormed()) throw new NotCopyable();
  return text;
}

/** An array literal with every element quoted (`{"a","b \\"c\\""}`), so that no element is read as NULL or split. */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((element) => {
    if (element === null || element === undefined || (typeof element === 'number' && !Number.isFinite(element))) {
      return 'NULL';
    }
    if (typeof element !== 'string' && typeof element !== 'number') throw new TypeError('An array holds an object');
    const text = typeof element === 'string' ? copyable(element) : String(element);
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${elements.join(',')}}`;
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Backslash, newline, carriage return and tab are what COPY's text format reads specially. */
function escapeCopy(text: string): string {
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : text;
}

/** Removes every row of the given cases from `schema`, before they are inserted again. */
export async function deleteCaseRows(client: ClientBase, schema: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const s = quoteSchema(schema);
  for (const table of TABLES) {
    await client.query(`DELETE FROM ${s}.${table} WHERE case_id = ANY($1::uuid[])`, [caseIds]);
  }
}
