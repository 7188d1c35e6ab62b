import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type ImportTable, isTableRefusal, type TableRefusal } from '../import-table';
import { readTable } from './read-table';

async function table(bytes: Buffer, fileName = 'list.csv'): Promise<ImportTable> {
  const read = await readTable(bytes, fileName);
  if (isTableRefusal(read)) throw new Error(`refused: ${read.messageKey}`);
  return read;
}

async function refusal(bytes: Buffer, fileName = 'list.csv'): Promise<TableRefusal> {
  const read = await readTable(bytes, fileName);
  if (!isTableRefusal(read)) throw new Error(`read as a table of ${read.columns.join(', ')}`);
  return read;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A workbook as a volunteer makes one in Excel: a two-row header with merged cells, dates stored as dates. */
async function volunteersWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Задержанные');
  workbook.addWorksheet('Справочник').getCell('A1').value = 'не читается';
  sheet.getCell('A1').value = 'ФИО';
  sheet.mergeCells('A1:A2');
  sheet.getCell('B1').value = 'Задержание';
  sheet.mergeCells('B1:C1');
  sheet.getCell('B2').value = 'дата';
  sheet.getCell('C2').value = 'место';
  sheet.getCell('D1').value = 'Дата рождения (число)';
  sheet.mergeCells('D1:D2');
  sheet.getCell('E1').value = 'Сумма';
  sheet.mergeCells('E1:E2');
  sheet.getCell('F1').value = 'Статья';
  sheet.mergeCells('F1:F2');
  const rows: ExcelJS.CellValue[][] = [
    [
      { richText: [{ text: 'Жолатов ', font: { bold: true } }, { text: 'Нурлан' }] },
      new Date(Date.UTC(2022, 0, 5, 14, 30)),
      'площадь Республики',
      31413,
      100000,
      { formula: '"ст. "&"272"', result: 'ст. 272' },
    ],
    ['Ахметова Айгуль', new Date(Date.UTC(2022, 0, 6)), null, 33970.0, 0.1 + 0.2, 'КоАП 488'],
  ];
  rows.forEach((values, i) => {
    values.forEach((value, column) => {
      sheet.getCell(3 + i, column + 1).value = value;
    });
  });
  sheet.getCell('B3').numFmt = 'dd.mm.yyyy hh:mm';
  sheet.getCell('B4').numFmt = 'dd.mm.yyyy';
  // Excel keeps formatted empty cells: they widen the sheet but hold nothing.
  sheet.getCell('H8').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  sheet.getCell('H8').value = '';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readTable: workbooks', () => {
  it('reads the first sheet of an Excel-made list: merged header over two rows, dates, numbers, rich text, formulas', async () => {
    const read = await table(await volunteersWorkbook(), 'Список.xlsx');
    expect(read.columns).toEqual([
      'ФИО',
      'Задержание: дата',
      'Задержание: место',
      'Дата рождения (число)',
      'Сумма',
      'Статья',
    ]);
    expect(read.rows).toEqual([
      { row: 3, cells: ['Жолатов Нурлан', '2022-01-05T14:30', 'площадь Республики', '31413', '100000', 'ст. 272'] },
      { row: 4, cells: ['Ахметова Айгуль', '2022-01-06', '', '33970', '0.3', 'КоАП 488'] },
    ]);
  });

  it('takes a workbook by its content, whatever its name says', async () => {
    const read = await table(await volunteersWorkbook(), 'export.csv');
    expect(read.rows).toHaveLength(2);
  });

  it('skips a title merged across the sheet above a one-row header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('list');
    sheet.getCell('A1').value = 'Список задержанных, январь 2022';
    sheet.mergeCells('A1:C1');
    sheet.addRow([]);
    sheet.getRow(3).values = ['Name', 'City', 'Detained'];
    sheet.getRow(4).values = ['Nurlan Zholatov', 'Almaty', '05.01.2022'];
    const read = await table(Buffer.from(await workbook.xlsx.writeBuffer()), 'list.xlsx');
    expect(read).toEqual({
      columns: ['Name', 'City', 'Detained'],
      rows: [{ row: 4, cells: ['Nurlan Zholatov', 'Almaty', '05.01.2022'] }],
    });
  });

  it('refuses a password-protected or old binary workbook and a broken one', async () => {
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await refusal(compound, 'list.xlsx')).messageKey).toBe('imports.refusal.unreadableWorkbook');
    const brokenZip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]);
    expect((await refusal(brokenZip, 'list.xlsx')).messageKey).toBe('imports.refusal.unreadableWorkbook');
    expect((await refusal(utf8('ФИО;Город\nИванов;Алматы\n'), 'list.xlsx')).messageKey).toBe(
      'imports.refusal.unreadableWorkbook',
    );
  });
});

describe('readTable: text files', () => {
  it('reads a Windows-1251 CSV with semicolons, as Excel saves a Russian list', async () => {
    const text = 'ФИО;Город;Дата задержания\r\nЖолатов Нурлан;Алматы;05.01.2022\r\nЁлкина Жанна;Тараз;январь 2022\r\n';
    const read = await table(iconv.encode(text, 'win1251'));
    expect(read).toEqual({
      columns: ['ФИО', 'Город', 'Дата задержания'],
      rows: [
        { row: 2, cells: ['Жолатов Нурлан', 'Алматы', '05.01.2022'] },
        { row: 3, cells: ['Ёлкина Жанна', 'Тараз', 'январь 2022'] },
      ],
    });
  });

  it('reads UTF-16 LE with a BOM and tabs ("Unicode text" from Excel), and without the BOM', async () => {
    const text = 'Аты-жөні\tҚала\tҰсталған күні\nСерікқызы Әсел\tШымкент\t5 қаңтар 2022\n';
    const expected = {
      columns: ['Аты-жөні', 'Қала', 'Ұсталған күні'],
      rows: [{ row: 2, cells: ['Серікқызы Әсел', 'Шымкент', '5 қаңтар 2022'] }],
    };
    expect(await table(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(expected);
    expect(await table(Buffer.from(text, 'utf16le'))).toEqual(expected);
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    expect(await table(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]))).toEqual(expected);
  });

  it('reads UTF-8 with a BOM and quoted cells holding the delimiter, quotes and line breaks', async () => {
    const text =
      '\uFEFFname,city,note\n' +
      '"Zholatov, Nurlan",Almaty,"beaten;\nneeds ""insulin"""\n' +
      'Akhmetova Aigul,Taraz,ТОО "Ромашка" сообщило\n';
    const read = await table(utf8(text));
    expect(read.columns).toEqual(['name', 'city', 'note']);
    // The second record spans two lines; row numbers count records, as a spreadsheet shows them.
    expect(read.rows).toEqual([
      { row: 2, cells: ['Zholatov, Nurlan', 'Almaty', 'beaten;\nneeds "insulin"'] },
      { row: 3, cells: ['Akhmetova Aigul', 'Taraz', 'ТОО "Ромашка" сообщило'] },
    ]);
  });

  it('keeps a broken row with its cell count, and the file numbering around blank lines', async () => {
    const text = 'ФИО;Город;Статья\nИванов Иван;Алматы\n\nПетров Пётр;Тараз;272;лишнее\nСидоров;Шымкент;274;\n';
    const read = await table(utf8(text));
    expect(read.rows).toEqual([
      { row: 2, cells: ['Иванов Иван', 'Алматы', ''], cellCount: 2 },
      { row: 4, cells: ['Петров Пётр', 'Тараз', '272'], cellCount: 4 },
      // A trailing delimiter adds an empty cell: nothing is out of place.
      { row: 5, cells: ['Сидоров', 'Шымкент', '274'] },
    ]);
  });

  it('chooses the delimiter that gives the rows one count of columns, a title line above the header aside', async () => {
    const text = 'Список на 6 января\nФИО,дата;город;статья\nИванов, Иван;Алматы;272\nПетров;Тараз;274\n';
    const read = await table(utf8(text));
    expect(read.columns).toEqual(['ФИО,дата', 'город', 'статья']);
    expect(read.rows[0]).toEqual({ row: 3, cells: ['Иванов, Иван', 'Алматы', '272'] });
  });

  it('names a column without a header by its letter and a repeated name with a number', async () => {
    const read = await table(utf8('ФИО,,Город,ФИО\nИванов,x,Алматы,Ivanov\n'));
    expect(read.columns).toEqual(['ФИО', 'B', 'Город', 'ФИО (2)']);
  });

  it('reads a one-column list of names', async () => {
    const read = await table(utf8('ФИО\nИванов Иван\nПетров Пётр\n'));
    expect(read.rows.map((r) => r.cells)).toEqual([['Иванов Иван'], ['Петров Пётр']]);
  });
});

describe('readTable: refusals', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'imports.refusal.empty'],
    ['blank lines only', utf8('\n ; ;\n\n;;\n'), 'imports.refusal.empty'],
    ['a header without rows', utf8('ФИО;Город\n'), 'imports.refusal.noRows'],
    ['rows without a header', utf8('05.01.2022;272\n06.01.2022;274\n'), 'imports.refusal.noHeader'],
    [
      'a binary file',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0x9f]),
      'imports.refusal.unreadableText',
    ],
    ['a quote never closed', utf8('name,city\n"Ivanov,Almaty\n'), 'imports.refusal.unreadableText'],
  ])('refuses %s', async (_what, bytes, messageKey) => {
    expect((await refusal(bytes)).messageKey).toBe(messageKey);
  });

  it('refuses more than 100 columns and more than 20,000 rows, naming the limit', async () => {
    const wide = Array.from({ length: 101 }, (_, i) => `c${i}`).join(',');
    expect(await refusal(utf8(`${wide}\n${wide}\n`))).toEqual({
      refused: true,
      messageKey: 'imports.refusal.tooManyColumns',
      values: { max: '100' },
    });
    const long = `name\n${'Ivanov\n'.repeat(20_001)}`;
    expect(await refusal(utf8(long))).toEqual({
      refused: true,
      messageKey: 'imports.refusal.tooManyRows',
      values: { max: '20000' },
    });
    expect((await table(utf8(`name\n${'Ivanov\n'.repeat(20_000)}`))).rows).toHaveLength(20_000);
  });
});

describe('readTable: a sheet formatted far beyond its data', () => {
  it('reads only the cells that hold something', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('list');
    sheet.getRow(1).values = ['ФИО', 'Город'];
    sheet.getRow(2).values = ['Иванов Иван', 'Алматы'];
    sheet.getCell('XFD1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const read = await table(Buffer.from(await workbook.xlsx.writeBuffer()), 'list.xlsx');
    expect(read).toEqual({ columns: ['ФИО', 'Город'], rows: [{ row: 2, cells: ['Иванов Иван', 'Алматы'] }] });
  });
});
