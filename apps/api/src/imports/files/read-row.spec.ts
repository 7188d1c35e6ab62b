import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AddNoteDto } from '../../cases/case-file/case-file.dto';
import { BringChargeDto } from '../../cases/charges/charges.dto';
import { RecordDetentionDto, TransferDetaineeDto } from '../../cases/custody/custody.dto';
import { ScheduleHearingDto } from '../../cases/hearings/hearings.dto';
import { OpenCaseDto } from '../../cases/intake/intake.dto';
import type { ImportMapping, ImportTable, RowStep, RowWrite } from './import-table';
import { readRow } from './read-row';

const now = new Date('2026-12-01T04:00:00Z');
const options = { kind: 'cases', timeZone: 'Asia/Almaty', now } as const;

const casesTable: ImportTable = {
  columns: [
    'ФИО',
    'Латиницей',
    'Дата рождения',
    'Пол',
    'Город',
    'Дата задержания',
    'Место',
    'Кто',
    'Статья',
    'СИЗО',
    'Источник',
    'Ссылка',
    'Примечание',
  ],
  rows: [],
};
const casesMapping: ImportMapping = {
  ФИО: 'fullName',
  Латиницей: 'nameVariants',
  'Дата рождения': 'birthDate',
  Пол: 'sex',
  Город: 'city',
  'Дата задержания': 'detainedAt',
  Место: 'detentionPlace',
  Кто: 'authority',
  Статья: 'article',
  СИЗО: 'facility',
  Источник: 'sourceKind',
  Ссылка: 'sourceReference',
  Примечание: 'note',
};

function caseRow(values: Partial<Record<string, string>>, row = 2): { row: number; cells: string[] } {
  return { row, cells: casesTable.columns.map((column) => values[column] ?? '') };
}

describe('readRow: a row of a list of detained people', () => {
  it('stands for the writes the routes take, in order, with the detention time on the facts it dates', () => {
    const row = caseRow({
      ФИО: 'Жолатов Нурлан / Zholatov Nurlan',
      Латиницей: 'Jolatov Nurlan',
      'Дата рождения': '12.03.1985',
      Пол: 'муж',
      Город: 'Алматы',
      'Дата задержания': '05.01.2022 14:30',
      Место: 'площадь Республики',
      Кто: 'ОМОН',
      Статья: 'ст. 272 ч. 2 УК; 274',
      СИЗО: 'ЛА-155/18',
      Источник: 'сестра',
      Ссылка: 'звонок на горячую линию',
      Примечание: 'нужен инсулин',
    });
    const exact = { occurredAt: '2022-01-05T14:30:00+06:00', occurredAtPrecision: 'exact' };
    const unknown = { occurredAtPrecision: 'unknown' };
    expect(readRow(row, casesTable, casesMapping, options)).toEqual({
      row: 2,
      person: { fullName: 'Жолатов Нурлан', nameVariants: ['Zholatov Nurlan', 'Jolatov Nurlan'], city: 'Алматы' },
      caseId: null,
      errors: [],
      writes: [
        {
          step: 'open',
          body: {
            detainee: {
              fullName: 'Жолатов Нурлан',
              nameVariants: ['Zholatov Nurlan', 'Jolatov Nurlan'],
              birthDate: '1985-03-12',
              sex: 'male',
              city: 'Алматы',
            },
            source: { kind: 'relative', reference: 'звонок на горячую линию' },
            ...exact,
          },
        },
        {
          step: 'detention',
          body: { city: 'Алматы', place: 'площадь Республики', authority: 'special_forces', ...exact },
        },
        { step: 'charge', body: { code: 'criminal', article: '272', part: '2', ...unknown } },
        { step: 'charge', body: { code: 'criminal', article: '274', ...unknown } },
        { step: 'transfer', body: { facility: { code: 'ЛА-155/18', kind: 'other', city: 'Алматы' }, ...unknown } },
        { step: 'note', body: { text: 'нужен инсулин' } },
      ],
    });
  });

  it('invents nothing for what a row leaves empty: no city, no date (not now), unknown authority, source ngo', () => {
    const read = readRow(caseRow({ ФИО: 'Ахметова Айгуль' }), casesTable, casesMapping, options);
    expect(read.errors).toEqual([]);
    expect(read.writes).toEqual([
      {
        step: 'open',
        body: { detainee: { fullName: 'Ахметова Айгуль' }, source: { kind: 'ngo' }, occurredAtPrecision: 'unknown' },
      },
      // The list is one of detentions (its date column is mapped): the detention is recorded, its time unknown.
      { step: 'detention', body: { authority: 'unknown', occurredAtPrecision: 'unknown' } },
    ]);
  });

  it('reads a cell that says nothing is known as empty: no city called "неизвестно", no authority word refused', () => {
    const row = caseRow({
      ФИО: 'Ахметова Айгуль',
      Город: 'неизвестно',
      Пол: '-',
      Кто: 'н/д',
      'Дата задержания': '?',
      Статья: 'белгісіз',
    });
    const read = readRow(row, casesTable, casesMapping, options);
    expect(read.errors).toEqual([]);
    expect(read.person.city).toBeNull();
    expect(read.writes).toEqual([
      {
        step: 'open',
        body: { detainee: { fullName: 'Ахметова Айгуль' }, source: { kind: 'ngo' }, occurredAtPrecision: 'unknown' },
      },
      { step: 'detention', body: { authority: 'unknown', occurredAtPrecision: 'unknown' } },
    ]);
  });

  it('records only what is mapped: no detention without a detention column', () => {
    const table: ImportTable = { columns: ['Name', 'City'], rows: [] };
    const read = readRow(
      { row: 5, cells: ['Aigul Akhmetova', 'Taraz'] },
      table,
      { Name: 'fullName', City: 'city' },
      options,
    );
    expect(read.writes.map((write) => write.step)).toEqual(['open']);
  });

  it('takes the charge code the importer chose when the text names none', () => {
    const read = readRow(caseRow({ ФИО: 'Иванов', Статья: '488' }), casesTable, casesMapping, {
      ...options,
      chargeCode: 'administrative',
    });
    expect(read.writes.find((write) => write.step === 'charge')?.body).toEqual({
      code: 'administrative',
      article: '488',
      occurredAtPrecision: 'unknown',
    });
  });

  it('names every cell it cannot read, by its field', () => {
    const row = caseRow({
      'Дата рождения': '1985',
      Пол: 'оба',
      'Дата задержания': '31.02.2022',
      Кто: 'какие-то люди',
      Статья: '12345',
      Источник: 'сосед',
      СИЗО: 'СИЗО-1',
    });
    const read = readRow(row, casesTable, casesMapping, options);
    expect(read.errors).toEqual([
      { field: 'fullName', messageKey: 'imports.value.required' },
      { field: 'birthDate', messageKey: 'imports.value.birthDateNotDay' },
      { field: 'sex', messageKey: 'imports.value.sexUnreadable' },
      { field: 'sourceKind', messageKey: 'imports.value.sourceKindUnreadable' },
      { field: 'detainedAt', messageKey: 'imports.value.dateUnreadable' },
      { field: 'authority', messageKey: 'imports.value.authorityUnreadable' },
      { field: 'article', messageKey: 'imports.value.articleUnreadable' },
      { field: 'facility', messageKey: 'imports.value.facilityWithoutCity' },
    ]);
  });

  it('reports a row with a cell too few or too many', () => {
    const table: ImportTable = { columns: ['ФИО', 'Город', 'Статья'], rows: [] };
    const mapping: ImportMapping = { ФИО: 'fullName', Город: 'city', Статья: 'article' };
    const short = readRow({ row: 4, cells: ['Иванов', 'Алматы', ''], cellCount: 2 }, table, mapping, options);
    expect(short.errors).toEqual([
      { field: 'row', messageKey: 'imports.row.tooFewCells', values: { count: '2', expected: '3' } },
    ]);
    const long = readRow({ row: 5, cells: ['Петров', 'Тараз', '272'], cellCount: 4 }, table, mapping, options);
    expect(long.errors).toEqual([
      { field: 'row', messageKey: 'imports.row.tooManyCells', values: { count: '4', expected: '3' } },
    ]);
  });
});

describe('readRow: a row of a court list', () => {
  const table: ImportTable = { columns: ['Дата', 'Время', 'Суд', 'Судья', 'ФИО', 'Вопрос', 'ID'], rows: [] };
  const mapping: ImportMapping = {
    Дата: 'scheduledAt',
    Время: 'hearingTime',
    Суд: 'court',
    Судья: 'judge',
    ФИО: 'fullName',
    Вопрос: 'hearingKind',
    ID: 'caseId',
  };
  const hearings = { kind: 'hearings', timeZone: 'Asia/Almaty', now } as const;

  it('stands for one hearing, named by the person or the case', () => {
    const cells = [
      '07.01.2022',
      '10:15',
      'Медеуский районный суд',
      'Иванов И.И.',
      'Жолатов Нурлан',
      'мера пресечения',
      '',
    ];
    expect(readRow({ row: 2, cells }, table, mapping, hearings)).toEqual({
      row: 2,
      person: { fullName: 'Жолатов Нурлан', nameVariants: [], city: null },
      caseId: null,
      errors: [],
      writes: [
        {
          step: 'hearing',
          body: {
            kind: 'preventive_measure',
            court: 'Медеуский районный суд',
            judge: 'Иванов И.И.',
            scheduledAt: '2022-01-07T10:15:00+06:00',
          },
        },
      ],
    });
    const byCase = [
      '07.01.2022 11:00',
      '',
      'Медеуский районный суд',
      '',
      '',
      '',
      'A1B2C3D4-0000-4000-8000-000000000001',
    ];
    const read = readRow({ row: 3, cells: byCase }, table, mapping, hearings);
    expect(read.caseId).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(read.errors).toEqual([]);
    expect(read.writes[0].body).toMatchObject({ kind: 'other', scheduledAt: '2022-01-07T11:00:00+06:00' });
  });

  it('needs a court, a time and someone to hear', () => {
    const read = readRow({ row: 4, cells: ['07.01.2022', '', '', '', '', '', 'case-7'] }, table, mapping, hearings);
    expect(read.errors).toEqual([
      { field: 'caseId', messageKey: 'imports.value.caseIdInvalid' },
      { field: 'court', messageKey: 'imports.value.required' },
      { field: 'scheduledAt', messageKey: 'imports.value.timeMissing' },
    ]);
    const nobody = readRow({ row: 5, cells: ['', '', 'Суд', '', '', '', ''] }, table, mapping, hearings);
    expect(nobody.errors).toEqual([
      { field: 'fullName', messageKey: 'imports.value.required' },
      { field: 'scheduledAt', messageKey: 'imports.value.required' },
    ]);
  });
});

/** The routes' own DTOs, checked as the API checks a body (unknown fields refused). */
const DTOS: Readonly<Record<RowStep, new () => object>> = {
  open: OpenCaseDto,
  detention: RecordDetentionDto,
  charge: BringChargeDto,
  transfer: TransferDetaineeDto,
  note: AddNoteDto,
  hearing: ScheduleHearingDto,
};

async function problems(write: RowWrite): Promise<string[]> {
  const errors = await validate(plainToInstance(DTOS[write.step], write.body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.map(
    (error) => `${write.step}: ${error.property} ${JSON.stringify(error.constraints ?? error.children)}`,
  );
}

describe('readRow: the bodies are what the routes accept', () => {
  it('passes the write DTOs for a full row, an empty one and a hearing', async () => {
    const full = caseRow({
      ФИО: 'Жолатов Нурлан / Zholatov Nurlan',
      'Дата рождения': '12.03.1985',
      Пол: 'ж',
      Город: 'Алматы',
      'Дата задержания': 'январь 2022',
      Место: 'у акимата',
      Статья: 'массовые беспорядки; КоАП 488',
      СИЗО: 'Городская больница №4',
      Источник: 'СМИ',
      Примечание: 'нужен инсулин',
    });
    const bare = caseRow({ ФИО: 'Ахметова Айгуль' });
    const hearingTable: ImportTable = { columns: ['Дата', 'Суд', 'ФИО'], rows: [] };
    const hearing = readRow(
      { row: 2, cells: ['07.01.2022 10:00', 'Медеуский районный суд', 'Жолатов'] },
      hearingTable,
      { Дата: 'scheduledAt', Суд: 'court', ФИО: 'fullName' },
      { kind: 'hearings', timeZone: 'Asia/Almaty', now },
    );
    const writes = [
      ...readRow(full, casesTable, casesMapping, options).writes,
      ...readRow(bare, casesTable, casesMapping, options).writes,
      ...hearing.writes,
    ];
    expect(new Set(writes.map((write) => write.step))).toEqual(new Set(Object.keys(DTOS)));
    expect((await Promise.all(writes.map(problems))).flat()).toEqual([]);
  });
});
