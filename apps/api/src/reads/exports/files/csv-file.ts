import type { Cell, ChunkSink, TableFile } from './table-file';

const BOM = '\uFEFF';
/** Spreadsheets run a cell that starts with one of these as a formula: a typed name must never become one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheets read Cyrillic as such), CRLF line ends. Several
 * tables become sections: a title line, the header, the rows, an empty line.
 */
export class CsvFile implements TableFile {
  private readonly encoder = new TextEncoder();
  private tables = 0;
  private titled: boolean;

  /** `sections`: title each table with its name (a file of several tables); a single table has no title line. */
  constructor(
    private readonly sink: ChunkSink,
    sections: boolean,
  ) {
    this.titled = sections;
    this.emit(BOM);
  }

  startTable(name: string, header: readonly string[]): void {
    const lines: string[] = [];
    if (this.tables > 0) lines.push('');
    if (this.titled) lines.push(csvLine([name]));
    lines.push(csvLine(header));
    this.tables += 1;
    this.emit(`${lines.join('\r\n')}\r\n`);
  }

  rows(rows: ReadonlyArray<readonly Cell[]>): void {
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) text += `${csvLine(row)}\r\n`;
    this.emit(text);
  }

  endTable(): void {}

  /** Every chunk goes to the sink as it is made: nothing is held back. */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  end(): Promise<void> {
    return Promise.resolve();
  }

  discard(): void {}

  private emit(text: string): void {
    this.sink(this.encoder.encode(text));
  }
}

function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
