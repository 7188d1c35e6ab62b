import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';

/** A CSV file as its rows of cells, read by a real CSV reader (csv-parse, RFC 4180). */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}

export interface Sheet {
  name: string;
  /** Every row of the sheet, cells placed by their column (an empty cell is ''). */
  rows: Array<Array<string | number>>;
}

/** The sheets of an xlsx workbook, in the workbook's order, read from its XML. */
export function readXlsx(bytes: Uint8Array): Sheet[] {
  const files = unzipSync(bytes);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
    if (!(part in files)) throw new Error(`xlsx: no ${part}`);
  }
  const workbook = strFromU8(files['xl/workbook.xml']);
  const names = [...workbook.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) => unescapeXml(m[1]));
  return names.map((name, i) => ({ name, rows: readSheet(strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`])) }));
}

function readSheet(xml: string): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)) {
    if (Number(row[1]) !== rows.length + 1) throw new Error(`xlsx: row ${row[1]} out of order`);
    const cells: Array<string | number> = [];
    for (const c of row[2].matchAll(/<c r="([A-Z]+)\d+"[^>]*>(.*?)<\/c>/gs)) {
      const column = columnIndex(c[1]);
      while (cells.length < column) cells.push('');
      const text = /<t[^>]*>(.*?)<\/t>/s.exec(c[2]);
      const value = /<v>(.*?)<\/v>/.exec(c[2]);
      cells.push(text ? unescapeXml(text[1]) : Number(value?.[1]));
    }
    rows.push(cells);
  }
  return rows;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? '');
}
