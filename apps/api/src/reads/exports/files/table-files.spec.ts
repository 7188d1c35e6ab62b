import { parseCsv, readXlsx } from '../../../../../../test/e2e/exports/read-back';
import { CsvFile } from './csv-file';
import type { TableFile } from './table-file';
import { XlsxFile } from './xlsx-file';
import { columnName, sheetName } from './xlsx-parts';

async function written(
  make: (sink: (chunk: Uint8Array) => void) => TableFile,
  fill: (file: TableFile) => void,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const file = make((chunk) => chunks.push(chunk));
  fill(file);
  await file.end();
  return Buffer.concat(chunks);
}

describe('table files', () => {
  it('CSV: BOM, quoting, CRLF, sections, and no typed value a spreadsheet would run as a formula', async () => {
    const bytes = await written(
      (sink) => new CsvFile(sink, true),
      (file) => {
        file.startTable('Первая', ['Имя', 'Число']);
        file.rows([
          ['Жолатов, "Арман"', 3],
          ['=HYPERLINK("x")', null],
          ['строка\nвторая', 0],
        ]);
        file.endTable();
        file.startTable('Екінші', ['Қала']);
        file.rows([['Өскемен']]);
        file.endTable();
      },
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('Первая\r\nИмя,Число\r\n"Жолатов, ""Арман""",3\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['Первая'],
      ['Имя', 'Число'],
      ['Жолатов, "Арман"', '3'],
      ['\'=HYPERLINK("x")', ''],
      ['строка\nвторая', '0'],
      [''],
      ['Екінші'],
      ['Қала'],
      ['Өскемен'],
    ]);
  });

  it('xlsx: sheets in order, header and cells by column, numbers as numbers, text XML cannot carry dropped', async () => {
    const bytes = await written(
      (sink) => new XlsxFile(sink),
      (file) => {
        file.startTable('Істер', ['Аты', 'Саны', 'Ескерту']);
        file.rows([
          ['Ә <&> "ғ"', 2, null],
          [null, 0, 'a\u0001b\uD800c'],
        ]);
        file.startTable('By: status?', ['x']);
        file.rows(Array.from({ length: 3000 }, (_, i) => [i]));
      },
    );
    const sheets = readXlsx(new Uint8Array(bytes));
    expect(sheets.map((s) => s.name)).toEqual(['Істер', 'By  status']);
    expect(sheets[0].rows).toEqual([
      ['Аты', 'Саны', 'Ескерту'],
      ['Ә <&> "ғ"', 2],
      ['', 0, 'abc'],
    ]);
    expect(sheets[1].rows).toHaveLength(3001);
    expect(sheets[1].rows[3000]).toEqual([2999]);
  });

  it('xlsx: a file given up lets its compression go, sends nothing more, and says so to whoever waits on it', async () => {
    const chunks: Uint8Array[] = [];
    const file = new XlsxFile((chunk) => chunks.push(chunk));
    file.startTable('Істер', ['Аты']);
    file.rows(Array.from({ length: 5000 }, (_, i) => [`Қасымов Ғалым ${i}`]));
    await file.ready();
    file.discard();
    const sent = chunks.length;
    await expect(file.ready()).rejects.toThrow('discarded');
    await expect(file.end()).rejects.toThrow('discarded');
    // zlib may still be busy with what it was given: whatever it finishes now goes nowhere.
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toHaveLength(sent);
  });

  it('names columns and sheets as Excel requires', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetName('a'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Cases', new Set(['cases']))).toBe('Cases 2');
    expect(sheetName('[]', new Set())).toBe('Sheet');
  });
});
