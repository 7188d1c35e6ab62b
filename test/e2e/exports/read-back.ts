import { strFromU8, unzipSync } from 'fflate';

/** A CSV file as its rows of cells (RFC 4180: quoted cells may hold commas, quotes and line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
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
