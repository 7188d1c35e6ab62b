import { Zip } from 'fflate';
import { DeflatedEntry } from './deflated-entry';
import type { Cell, ChunkSink, TableFile } from './table-file';
import {
  columnName,
  contentTypes,
  escapeXml,
  PACKAGE_RELS,
  SHEET_END,
  SHEET_START,
  sheetName,
  sheetPath,
  STYLES,
  workbook,
  workbookRels,
} from './xlsx-parts';

/**
 * Whether a spreadsheet would trim or fold the text's white space unless told to keep it (XML's white space: space,
 * tab, line ends; at an end, twice in a row, or a tab or line end anywhere). Most cells have none, and the attribute
 * that says so would be a sixth of the sheet's bytes, all of which are deflated. Tested by character code at the ends
 * and one simple pattern inside: a pattern with anchored alternatives scans every cell several times over.
 */
function spaced(text: string): boolean {
  return isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(text.length - 1)) || INNER_SPACE.test(text);
}

const isXmlSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const INNER_SPACE = /[\t\n\r]| {2}/;
const T_PRESERVED = '<t xml:space="preserve">';

/**
 * An xlsx workbook streamed through fflate's Zip: each table is a worksheet deflated (by zlib) as its rows arrive, and the
 * parts that list the sheets (content types, workbook) follow them, since a ZIP's readers go by its central
 * directory. Strings are inline (`inlineStr`) rather than shared: a shared-strings table would hold every distinct
 * string of the export in memory until the end.
 */
export class XlsxFile implements TableFile {
  private readonly zip: Zip;
  private readonly names: string[] = [];
  private readonly entries: DeflatedEntry[] = [];
  private sheet: DeflatedEntry | null = null;
  private columns: string[] = [];
  private rowNumber = 0;
  private failure: Error | null = null;
  private finished: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(sink: ChunkSink) {
    // fflate reports errors through the callback, and a sheet's bytes come from zlib's thread pool: a failure is kept
    // and given to whoever waits on the file next (ready, end), so that the export fails loudly.
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure ??= error;
        this.finished?.reject(error);
        return;
      }
      if (this.failure !== null) return;
      sink(chunk);
      if (final) this.finished?.resolve();
    });
  }

  startTable(name: string, header: readonly string[]): void {
    if (this.sheet !== null) this.endTable();
    this.names.push(sheetName(name, new Set(this.names.map((n) => n.toLowerCase()))));
    // Level 1: a sheet's XML repeats itself so much that more effort buys little (level 6: a fifth smaller, 3x the time).
    this.sheet = this.entry(sheetPath(this.names.length), 1);
    this.columns = header.map((_, i) => columnName(i));
    this.rowNumber = 0;
    this.push(SHEET_START + this.rowXml(header, ' s="1"'));
  }

  rows(rows: ReadonlyArray<readonly Cell[]>): void {
    if (rows.length === 0) return;
    let xml = '';
    for (const row of rows) xml += this.rowXml(row, '');
    this.push(xml);
  }

  endTable(): void {
    if (this.sheet === null) return;
    this.sheet.push(Buffer.from(SHEET_END, 'utf8'), true);
    this.sheet = null;
  }

  async ready(): Promise<void> {
    this.check();
    await this.sheet?.drained();
    this.check();
  }

  end(): Promise<void> {
    this.endTable();
    const count = this.names.length;
    this.file('xl/workbook.xml', workbook(this.names));
    this.file('xl/_rels/workbook.xml.rels', workbookRels(count));
    this.file('xl/styles.xml', STYLES);
    this.file('[Content_Types].xml', contentTypes(count));
    this.file('_rels/.rels', PACKAGE_RELS);
    if (this.failure !== null) return Promise.reject(this.failure);
    const finished = new Promise<void>((resolve, reject) => {
      this.finished = { resolve, reject };
    });
    this.zip.end();
    return finished;
  }

  discard(): void {
    this.failure ??= new Error('xlsx: discarded');
    for (const entry of this.entries) entry.discard();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  private rowXml(cells: readonly Cell[], style: string): string {
    this.rowNumber += 1;
    const r = this.rowNumber;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i];
      if (cell === null || cell === '') continue;
      const ref = `${this.columns[i] ?? columnName(i)}${r}`;
      xml +=
        typeof cell === 'number'
          ? `<c r="${ref}"${style}><v>${cell}</v></c>`
          : `<c r="${ref}"${style} t="inlineStr"><is>${spaced(cell) ? T_PRESERVED : '<t>'}${escapeXml(cell)}</t></is></c>`;
    }
    return `${xml}</row>`;
  }

  private push(xml: string): void {
    if (this.sheet === null) throw new Error('xlsx: rows outside a sheet');
    this.sheet.push(Buffer.from(xml, 'utf8'));
  }

  private file(path: string, xml: string): void {
    this.entry(path, 6).push(Buffer.from(xml, 'utf8'), true);
  }

  private entry(path: string, level: number): DeflatedEntry {
    const entry = new DeflatedEntry(path, level);
    this.entries.push(entry);
    this.zip.add(entry);
    return entry;
  }
}
