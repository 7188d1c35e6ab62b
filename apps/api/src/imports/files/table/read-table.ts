import type { ImportTable, TableRefusal } from '../import-table';
import { assembleTable, refusal } from './assemble-table';
import { decodeText } from './decode-text';
import { readCsvRows } from './read-csv';
import { isCompoundFile, isZip, readXlsxRows } from './read-xlsx';

const WORKBOOK_NAME = /\.xls[xm]$/i;

/**
 * An uploaded list as a table, or why it cannot be one. A workbook is known by its content (a zip: XLSX), not its
 * name; a name saying workbook on bytes that are not one is refused rather than read as text.
 */
export async function readTable(bytes: Buffer, fileName: string): Promise<ImportTable | TableRefusal> {
  if (bytes.length === 0) return refusal('imports.refusal.empty');
  if (isCompoundFile(bytes)) return refusal('imports.refusal.unreadableWorkbook');
  if (isZip(bytes)) {
    const sheet = await readXlsxRows(bytes);
    return sheet === null
      ? refusal('imports.refusal.unreadableWorkbook')
      : assembleTable(sheet.rows, sheet.spansOf, false);
  }
  if (WORKBOOK_NAME.test(fileName)) return refusal('imports.refusal.unreadableWorkbook');
  const { text } = decodeText(bytes);
  // A NUL is never in a list's text: the file is binary (an image, a PDF) whatever its name says.
  if (text.includes('\u0000')) return refusal('imports.refusal.unreadableText');
  if (text.trim() === '') return refusal('imports.refusal.empty');
  const csv = readCsvRows(text);
  if (csv === null) return refusal('imports.refusal.unreadableText');
  return assembleTable(csv.rows, () => [], true);
}
