import type { ImportRow, ImportTable, TableRefusal } from '../import-table';
import { isBlankRow, type RawRow } from './raw-rows';
import type { Span } from './read-xlsx';

export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 100;

export function refusal(messageKey: string, values?: Readonly<Record<string, string>>): TableRefusal {
  return values === undefined ? { refused: true, messageKey } : { refused: true, messageKey, values };
}

const filled = (cell: string | undefined): boolean => cell !== undefined && cell.trim() !== '';

function lastFilled(cells: readonly string[], limit: number = cells.length): number {
  for (let i = Math.min(cells.length, limit) - 1; i >= 0; i -= 1) if (filled(cells[i])) return i;
  return -1;
}

function distinctFilled(cells: readonly string[]): number {
  return new Set(cells.filter(filled).map((cell) => cell.trim())).size;
}

/**
 * A title above the header ("Список задержанных, январь 2022"): one text alone in the first column, or merged from
 * the first column across the row, over a row with several names.
 */
function isTitle(row: RawRow, spans: readonly Span[], next: RawRow | undefined): boolean {
  if (next === undefined || distinctFilled(row.cells) !== 1 || distinctFilled(next.cells) < 2) return false;
  if (spans.length === 0) return lastFilled(row.cells) === 0;
  return spans.length === 1 && spans[0].from === 0 && spans[0].to >= lastFilled(next.cells);
}

interface Header {
  readonly names: readonly string[];
  /** How many cells the header row of a text file had: the count every row is held to. */
  readonly cellCount: number;
  readonly data: readonly RawRow[];
}

/**
 * The header: one row, or two when a name is merged across columns over a second row of names
 * ("Задержание" over "дата" | "место" gives "Задержание: дата", "Задержание: место").
 */
function headerOf(rows: readonly RawRow[], spansOf: (row: number) => readonly Span[]): Header {
  let start = 0;
  while (start < 3 && isTitle(rows[start], spansOf(rows[start].row), rows[start + 1])) start += 1;
  const top = rows[start];
  const below = rows[start + 1];
  const spans = spansOf(top.row);
  const twoRows = below !== undefined && spans.some((s) => below.cells.slice(s.from, s.to + 1).some(filled));
  if (!twoRows) return { names: top.cells, cellCount: top.cells.length, data: rows.slice(start + 1) };
  const width = Math.max(top.cells.length, below.cells.length);
  const names = Array.from({ length: width }, (_, column) => {
    const upper = (top.cells[column] ?? '').trim();
    const lower = (below.cells[column] ?? '').trim();
    const merged = spans.some((s) => s.from <= column && column <= s.to);
    if (merged && upper !== '' && lower !== '') return `${upper}: ${lower}`;
    return upper !== '' ? upper : lower;
  });
  return { names, cellCount: width, data: rows.slice(start + 2) };
}

/** A header of numbers and dates only is a data row: the file has no header. */
const DATA_LIKE = /^[\d\s.,:/+-]+$/;

/** Spreadsheet letters name a column whose header cell is empty (A, B, ..., Z, AA). */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNames(header: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, column) => {
    const written = (header[column] ?? '').replace(/\s+/g, ' ').trim();
    const name = written === '' ? columnLetter(column) : written;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * Rows of a file (numbered as the file counts them) into a table: blank rows and trailing blank columns dropped,
 * a title row skipped, the header found, the limits held. `holdToHeader`: a text file's rows must have the header's
 * number of cells (a cell too many that is empty is a trailing delimiter, not a problem).
 */
export function assembleTable(
  all: readonly RawRow[],
  spansOf: (row: number) => readonly Span[],
  holdToHeader: boolean,
): ImportTable | TableRefusal {
  const rows = all.filter((row) => !isBlankRow(row.cells));
  if (rows.length === 0) return refusal('imports.refusal.empty');
  const header = headerOf(rows, spansOf);
  if (header.names.filter(filled).every((name) => DATA_LIKE.test(name))) return refusal('imports.refusal.noHeader');
  const limit = holdToHeader ? header.cellCount : Number.POSITIVE_INFINITY;
  const width = Math.max(lastFilled(header.names), ...header.data.map((row) => lastFilled(row.cells, limit)), -1) + 1;
  if (width > MAX_COLUMNS) return refusal('imports.refusal.tooManyColumns', { max: String(MAX_COLUMNS) });
  if (header.data.length === 0) return refusal('imports.refusal.noRows');
  if (header.data.length > MAX_ROWS) return refusal('imports.refusal.tooManyRows', { max: String(MAX_ROWS) });
  const importRows = header.data.map((raw): ImportRow => {
    const cells = Array.from({ length: width }, (_, column) => (raw.cells[column] ?? '').trim());
    const count = raw.cells.length;
    const broken = holdToHeader && (count < header.cellCount || lastFilled(raw.cells) >= header.cellCount);
    return broken ? { row: raw.row, cells, cellCount: count } : { row: raw.row, cells };
  });
  return { columns: columnNames(header.names, width), rows: importRows };
}
