import ExcelJS from 'exceljs';
import type { RawRow } from './raw-rows';
import { cellText } from './cell-text';

/** Columns `from`..`to` (0-based, inclusive) of one row are one merged cell. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface SheetRows {
  readonly rows: RawRow[];
  /** The horizontal merges of a row, asked only of the few rows a header can be in. */
  readonly spansOf: (row: number) => readonly Span[];
}

/** An OLE compound file: a password-protected workbook (Excel encrypts into one) or the old binary .xls. */
export function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** The first worksheet's rows as text (null when the workbook cannot be opened). */
export async function readXlsxRows(bytes: Buffer): Promise<SheetRows | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type; Node's is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { rows: [], spansOf: () => [] };
  // Only cells that hold something: a sheet formatted down whole columns reports thousands of empty ones.
  const rows: RawRow[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = cellText(cell.value);
    });
    width = Math.max(width, cells.length);
    rows.push({ row: row.number, cells });
  });
  return { rows, spansOf: (row) => spansOf(sheet, row, width) };
}

function spansOf(sheet: ExcelJS.Worksheet, row: number, width: number): Span[] {
  const byMaster = new Map<string, Span>();
  for (let column = 1; column <= width; column += 1) {
    const cell = sheet.getCell(row, column);
    if (!cell.isMerged || Number(cell.master.row) !== row) continue;
    const known = byMaster.get(cell.master.address);
    byMaster.set(cell.master.address, { from: known?.from ?? column - 1, to: column - 1 });
  }
  return [...byMaster.values()].filter((span) => span.to > span.from);
}
