import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type ImportTable, isTableRefusal, type ReadRow } from './import-table';
import { readRow } from './read-row';
import { suggestMapping } from './mapping/suggest-mapping';
import { readTable } from './table/read-table';

const now = new Date('2026-12-01T04:00:00Z');

/** A file read as the import reads it: table, suggested mapping, every row. */
async function readList(bytes: Buffer, fileName: string): Promise<{ table: ImportTable; rows: ReadRow[] }> {
  const table = await readTable(bytes, fileName);
  if (isTableRefusal(table)) throw new Error(`refused: ${table.messageKey}`);
  const mapping = suggestMapping(table.columns, 'cases');
  const rows = table.rows.map((row) => readRow(row, table, mapping, { kind: 'cases', timeZone: 'Asia/Almaty', now }));
  return { table, rows };
}

const openOf = (row: ReadRow): Record<string, unknown> => row.writes[0].body;

describe('a list from file to writes', () => {
  it('an Excel-made workbook: merged header cells, dates stored as dates and as serial numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.getCell('A1').value = 'Ф.И.О.';
    sheet.mergeCells('A1:A2');
    sheet.getCell('B1').value = 'Задержание';
    sheet.mergeCells('B1:D1');
    sheet.getCell('B2').value = 'дата';
    sheet.getCell('C2').value = 'место';
    sheet.getCell('D2').value = 'город';
    sheet.getCell('E1').value = 'Дата рождения';
    sheet.mergeCells('E1:E2');
    sheet.addRow(['Жолатов Нурлан', new Date(Date.UTC(2022, 0, 5, 14, 30)), 'площадь', 'Алматы', 31118]);
    // A volunteer who typed the date into a cell without a date format leaves Excel's day count.
    sheet.addRow(['Ахметова Айгуль', 44567, '', 'Тараз', new Date(Date.UTC(1990, 4, 17))]);
    sheet.getCell('B3').numFmt = 'dd.mm.yyyy hh:mm';
    sheet.getCell('E4').numFmt = 'dd.mm.yyyy';
    const { table, rows } = await readList(Buffer.from(await workbook.xlsx.writeBuffer()), 'list.xlsx');

    expect(suggestMapping(table.columns, 'cases')).toEqual({
      'Ф.И.О.': 'fullName',
      'Задержание: дата': 'detainedAt',
      'Задержание: место': 'detentionPlace',
      'Задержание: город': 'city',
      'Дата рождения': 'birthDate',
    });
    expect(rows.map((row) => [row.row, row.errors])).toEqual([
      [3, []],
      [4, []],
    ]);
    expect(openOf(rows[0])).toMatchObject({
      detainee: { fullName: 'Жолатов Нурлан', city: 'Алматы', birthDate: '1985-03-12' },
      occurredAt: '2022-01-05T14:30:00+06:00',
      occurredAtPrecision: 'exact',
    });
    expect(openOf(rows[1])).toMatchObject({
      detainee: { fullName: 'Ахметова Айгуль', city: 'Тараз', birthDate: '1990-05-17' },
      occurredAt: '2022-01-06T00:00:00+06:00',
      occurredAtPrecision: 'day',
    });
  });

  it('a Windows-1251 CSV with broken rows and a date nobody can read: each row says what is wrong with it', async () => {
    const text = [
      'ФИО;Город;Дата задержания;Статья',
      'Жолатов Нурлан;Алматы;январь 2022;ст. 272 ч. 2 УК',
      'Петров Пётр;Тараз',
      'Сидоров Олег;Шымкент;после митинга;274',
      'Ким Елена;Алматы;06.01.2022;272;лишнее',
      ';Алматы;06.01.2022;',
    ].join('\r\n');
    const { rows } = await readList(iconv.encode(text, 'win1251'), 'список.csv');
    expect(rows.map((row) => ({ row: row.row, errors: row.errors.map((e) => `${e.field}: ${e.messageKey}`) }))).toEqual(
      [
        { row: 2, errors: [] },
        { row: 3, errors: ['row: imports.row.tooFewCells'] },
        { row: 4, errors: ['detainedAt: imports.value.dateUnreadable'] },
        { row: 5, errors: ['row: imports.row.tooManyCells'] },
        { row: 6, errors: ['fullName: imports.value.required'] },
      ],
    );
    expect(rows[0].writes.map((write) => write.step)).toEqual(['open', 'detention', 'charge']);
    expect(rows[0].writes[1].body).toMatchObject({
      occurredAt: '2022-01-01T00:00:00+06:00',
      occurredAtPrecision: 'month',
    });
  });

  it('the same person twice under two spellings: both rows are read, with their spellings, for the duplicate check', async () => {
    const text = 'name,city\nZholatov Nurlan,Almaty\nЖолатов Нұрлан,Алматы\n';
    const { rows } = await readList(Buffer.from(text, 'utf8'), 'list.csv');
    expect(rows.map((row) => row.person)).toEqual([
      { fullName: 'Zholatov Nurlan', nameVariants: [], city: 'Almaty' },
      { fullName: 'Жолатов Нұрлан', nameVariants: [], city: 'Алматы' },
    ]);
  });

  it('reads 20,000 rows', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Person ${i};Almaty;0${(i % 9) + 1}.01.2022;272-2;СИЗО-1`);
    const { rows } = await readList(
      Buffer.from(`ФИО;Город;Дата задержания;Статья;Место содержания\n${lines.join('\n')}`),
      'big.csv',
    );
    expect(rows).toHaveLength(20_000);
    expect(rows.filter((row) => row.errors.length > 0)).toEqual([]);
    expect(rows[19_999].writes.map((write) => write.step)).toEqual(['open', 'detention', 'charge', 'transfer']);
  });
});
