import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, expectError, expectValidation, get, openCaseBody, post } from '../support/e2e';
import { ImportStore } from '../../apps/api/src/imports/import-store';
import { csv, rejectedRows, read, send, upload, waitUntilDone } from './imports/import-client';

/** Issue 17: lists in, through the write routes' own path, each row once. */
describe('imports (POST /v1/imports, dry run, commit, progress, rejected rows)', () => {
  let t: TestApp;
  let db: Client;
  let events: EventsTable;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    events = await EventsTable.open(t.database.url);
    coordinator = await createUser(t.http, 'coordinator');
    lawyer = await createUser(t.http, 'lawyer');
    auditor = await createUser(t.http, 'auditor');
  });
  afterAll(async () => {
    await events.close();
    await db.end();
    await t.close();
  });

  /** Upload, dry run with the suggested mapping (checked against `expected`), commit; answers the import's id. */
  async function uploaded(user: TestUser, file: Buffer, name: string, fields: Record<string, string> = {}) {
    const answer = await upload(t.http, user.token, file, name, fields);
    if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as {
      importId: string;
      status: string;
      rows: number;
      columns: Array<{ name: string; sample: string[] }>;
      fields: string[];
      suggestedMapping: Record<string, string>;
    };
  }

  async function dryRun(user: TestUser, importId: string, mapping: Record<string, string>) {
    const answer = await send(t.http, user.token, `/v1/imports/${importId}/dry-run`, { mapping });
    if (answer.status !== 200) throw new Error(`dry run: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as {
      status: string;
      rows: Array<{
        row: number;
        outcome: string;
        errors: Array<{ field: string; message: string }>;
        possibleDuplicates: Array<Record<string, unknown>>;
      }>;
    };
  }

  async function commit(user: TestUser, importId: string, mapping: Record<string, string>, decisions = {}) {
    const answer = await send(t.http, user.token, `/v1/imports/${importId}/commit`, { mapping, decisions });
    expect(answer.status).toBe(202);
    return answer.body as { importId: string; status: string };
  }

  async function importedCases(importId: string): Promise<Array<{ row: number; case_id: string; outcome: string }>> {
    const { rows } = await db.query<{ row: number; case_id: string; outcome: string }>(
      `SELECT row, case_id, outcome FROM import_rows WHERE import_id = $1 ORDER BY row`,
      [importId],
    );
    return rows;
  }

  it('a UTF-8 CSV: upload shows columns, samples and a mapping; the dry run checks; the commit records each row once', async () => {
    const file = csv([
      ['ФИО', 'Город', 'Дата задержания', 'Статья', 'Место содержания'],
      ['Жолатов Арман', 'Алматы', '05.01.2022', 'ст. 272 ч. 2 УК', 'СИ-18'],
      ['Nurlan Bekov', 'Almaty', 'январь 2022', '', ''],
    ]);
    const up = await uploaded(coordinator, file, 'list.csv');
    expect(up.status).toBe('uploaded');
    expect(up.rows).toBe(2);
    expect(up.columns[0]).toEqual({ name: 'ФИО', sample: ['Жолатов Арман', 'Nurlan Bekov'] });
    // The fields a list of people may map its columns to (a court's list has others: court, scheduledAt...).
    expect(up.fields).toEqual(expect.arrayContaining(['fullName', 'city', 'detainedAt', 'article', 'facility']));
    expect(up.fields).not.toContain('court');
    expect(up.suggestedMapping).toMatchObject({
      ФИО: 'fullName',
      Город: 'city',
      'Дата задержания': 'detainedAt',
      Статья: 'article',
      'Место содержания': 'facility',
    });
    const checked = await dryRun(coordinator, up.importId, up.suggestedMapping);
    expect(checked.status).toBe('checked');
    expect(checked.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
    ]);
    expect((await read(t.http, coordinator.token, `/v1/imports/${up.importId}`)).body.status).toBe('checked');

    expect(await commit(coordinator, up.importId, up.suggestedMapping)).toEqual({
      importId: up.importId,
      status: 'committing',
    });
    const done = await waitUntilDone(t.http, coordinator.token, up.importId);
    expect(done).toMatchObject({ status: 'done', kind: 'cases', rows: 2, recorded: 2, skipped: 0, rejected: 0 });

    const rows = await importedCases(up.importId);
    expect(rows.map((row) => row.outcome)).toEqual(['recorded', 'recorded']);
    const first = await events.ofCase(rows[0].case_id);
    expect(first.map((event) => event.type)).toEqual([
      'CaseOpened',
      'DetentionRecorded',
      'ChargeBrought',
      'DetaineeTransferred',
    ]);
    for (const event of first) {
      expect(event.metadata.importedFrom).toEqual({ importId: up.importId, row: 2 });
      expect(event.metadata.actorId).toBe(coordinator.id);
    }
    expect(first[0].data).toMatchObject({ detainee: { fullName: 'Жолатов Арман', city: 'Алматы' } });
    expect(first[2].data).toMatchObject({ code: 'criminal', article: '272', part: '2' });
    const second = await events.ofCase(rows[1].case_id);
    expect(second[0].metadata).toMatchObject({ occurredAtPrecision: 'month', importedFrom: { row: 3 } });

    const timeline = await get(t.http, coordinator.token, `/v1/cases/${rows[0].case_id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.events[0].importedFrom).toEqual({ importId: up.importId, row: 2 });
    // A recorded row keeps no cell: the case holds its facts.
    const { rows: cells } = await db.query(`SELECT sealed_cells FROM import_rows WHERE import_id = $1`, [up.importId]);
    expect(cells.every((row) => row.sealed_cells === null)).toBe(true);
    expect(await rejectedRows(t.http, coordinator.token, up.importId)).toEqual([
      ['ФИО', 'Город', 'Дата задержания', 'Статья', 'Место содержания', 'row', 'reason'],
    ]);
  });

  it('an Excel-made workbook: a header merged over two rows, dates stored as dates and as serial numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Список');
    sheet.getCell('A1').value = 'ФИО';
    sheet.mergeCells('A1:A2');
    sheet.getCell('B1').value = 'Задержание';
    sheet.mergeCells('B1:C1');
    sheet.getCell('B2').value = 'дата';
    sheet.getCell('C2').value = 'место';
    sheet.getCell('D1').value = 'Город';
    sheet.mergeCells('D1:D2');
    sheet.addRow(['Ерлан Хасенов', new Date(Date.UTC(2022, 0, 5)), 'площадь Республики', 'Алматы']);
    // 44567: 6 January 2022 as Excel counts days, typed as a plain number.
    sheet.addRow(['Айгерим Сапарова', 44567, 'у акимата', 'Алматы']);
    sheet.getColumn(2).numFmt = 'dd.mm.yyyy';
    sheet.getCell('B4').numFmt = 'General';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const up = await uploaded(coordinator, file, 'spisok.xlsx');
    expect(up.columns.map((column) => column.name)).toEqual(['ФИО', 'Задержание: дата', 'Задержание: место', 'Город']);
    expect(up.rows).toBe(2);
    const mapping = {
      ФИО: 'fullName',
      'Задержание: дата': 'detainedAt',
      'Задержание: место': 'detentionPlace',
      Город: 'city',
    };
    const checked = await dryRun(coordinator, up.importId, mapping);
    expect(checked.rows.map((row) => [row.row, row.outcome, row.errors])).toEqual([
      [3, 'new', []],
      [4, 'new', []],
    ]);
    await commit(coordinator, up.importId, mapping);
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({ status: 'done', recorded: 2 });
    const rows = await importedCases(up.importId);
    const detained = async (caseId: string) =>
      (await events.ofCase(caseId)).find((event) => event.type === 'DetentionRecorded');
    // Day precision in the coordinator's zone (Asia/Almaty): the date as written, whatever the UTC instant.
    expect((await detained(rows[0].case_id))?.metadata).toMatchObject({
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-05',
    });
    expect((await detained(rows[0].case_id))?.data).toMatchObject({ place: 'площадь Республики', city: 'Алматы' });
    expect((await detained(rows[1].case_id))?.metadata).toMatchObject({
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-06',
    });
  });

  it('a Windows-1251 CSV with semicolons and broken rows: each rejected row is in the rejected rows file with why', async () => {
    const text = [
      'ФИО;Город;Дата задержания;Пол',
      'Тимур Исаев;Алматы;07.01.2022;м',
      ';Алматы;07.01.2022;м',
      'Марат Оспанов;Алматы;тридцатое февраля;м',
      'Сергей Ли;Алматы;07.01.2022;м;лишнее',
      'Данияр Ахметов;Алматы;08.01.2022;ж',
    ].join('\r\n');
    const up = await uploaded(coordinator, iconv.encode(text, 'win1251'), 'spisok.csv');
    expect(up.columns.map((column) => column.name)).toEqual(['ФИО', 'Город', 'Дата задержания', 'Пол']);
    expect(up.suggestedMapping).toEqual({
      ФИО: 'fullName',
      Город: 'city',
      'Дата задержания': 'detainedAt',
      Пол: 'sex',
    });
    const checked = await dryRun(coordinator, up.importId, up.suggestedMapping);
    expect(checked.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'new'],
    ]);
    expect(checked.rows[1].errors.map((error) => error.field)).toEqual(['ФИО']);
    expect(checked.rows[2].errors.map((error) => error.field)).toEqual(['Дата задержания']);
    for (const row of checked.rows.slice(1, 4)) {
      for (const error of row.errors) expect(error.message.length).toBeGreaterThan(5);
    }
    // The messages are in the account's language (English), or in the one the console asks for.
    const inRussian = await send(t.http, coordinator.token, `/v1/imports/${up.importId}/dry-run?lang=ru`, {
      mapping: up.suggestedMapping,
    });
    const dateMessage = (rows: typeof checked.rows) => rows[2].errors[0]?.message ?? '';
    expect(dateMessage(checked.rows)).toMatch(/^[^а-я]*$/);
    expect(dateMessage((inRussian.body as typeof checked).rows)).toMatch(/[а-я]{3,}/);
    await commit(coordinator, up.importId, up.suggestedMapping);
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({
      status: 'done',
      rows: 5,
      recorded: 2,
      rejected: 3,
      skipped: 0,
    });
    const rejected = await rejectedRows(t.http, coordinator.token, up.importId, 'ru');
    expect(rejected[0]).toEqual(['ФИО', 'Город', 'Дата задержания', 'Пол', 'row', 'reason']);
    expect(rejected.slice(1).map((line) => line.slice(0, 5))).toEqual([
      ['', 'Алматы', '07.01.2022', 'м', '3'],
      ['Марат Оспанов', 'Алматы', 'тридцатое февраля', 'м', '4'],
      ['Сергей Ли', 'Алматы', '07.01.2022', 'м', '5'],
    ]);
    for (const line of rejected.slice(1)) expect(line[5]).toMatch(/[а-я]{3,}/);
    // Rejected rows keep their cells (sealed) for this file; nothing typed is stored in the clear.
    const { rows } = await db.query<{ sealed_cells: Buffer | null; outcome: string }>(
      `SELECT sealed_cells, outcome FROM import_rows WHERE import_id = $1 ORDER BY row`,
      [up.importId],
    );
    expect(rows.map((row) => [row.outcome, row.sealed_cells === null])).toEqual([
      ['recorded', true],
      ['rejected', false],
      ['rejected', false],
      ['rejected', false],
      ['recorded', true],
    ]);
    expect(rows[2].sealed_cells?.toString('utf8')).not.toContain('Оспанов');
  });

  it('the same person twice in one file: the later row names the earlier one, and decisions are honoured', async () => {
    const file = csv([
      ['name', 'city', 'note'],
      ['Zhanbolat Iskakov', 'Taraz', 'first report'],
      ['Жанболат Ысқақов', 'Taraz', 'second report'],
      ['Yuliya Tsoy', 'Taraz', ''],
      ['Юлия Цой', 'Taraz', ''],
      ['Yegor Shcherbakov', 'Taraz', ''],
      ['Егор Щербаков', 'Taraz', ''],
      ['Saule Kuanyshbayeva', 'Taraz', ''],
    ]);
    const up = await uploaded(coordinator, file, 'hotline.csv');
    const mapping = { name: 'fullName', city: 'city', note: 'note' };
    const checked = await dryRun(coordinator, up.importId, mapping);
    expect(checked.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'duplicate'],
      [4, 'new'],
      [5, 'duplicate'],
      [6, 'new'],
      [7, 'duplicate'],
      [8, 'new'],
    ]);
    const twin = checked.rows[1].possibleDuplicates;
    expect(twin).toEqual([{ row: 2, caseId: expect.any(String), score: 1 }]);
    // Row 3 joins row 2's case; row 5 is left undecided (skipped); row 7 is a new case anyway; row 8 is skipped.
    await commit(coordinator, up.importId, mapping, { 3: { addTo: twin[0].caseId }, 7: 'new', 8: 'skip' });
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({
      status: 'done',
      rows: 7,
      recorded: 5,
      skipped: 2,
      rejected: 0,
    });
    const rows = await importedCases(up.importId);
    expect(rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'recorded'],
      [3, 'recorded'],
      [4, 'recorded'],
      [5, 'skipped'],
      [6, 'recorded'],
      [7, 'recorded'],
      [8, 'skipped'],
    ]);
    expect(rows[1].case_id).toBe(rows[0].case_id);
    expect(rows[0].case_id).toBe(twin[0].caseId);
    expect(rows[5].case_id).not.toBe(rows[4].case_id);
    const joined = await events.ofCase(rows[0].case_id);
    expect(joined.map((event) => [event.type, (event.metadata.importedFrom as { row: number }).row])).toEqual([
      ['CaseOpened', 2],
      ['NoteAdded', 2],
      ['NameVariantsAdded', 3],
      ['NoteAdded', 3],
    ]);
    expect(joined[2].data).toEqual({ variants: ['Жанболат Ысқақов'] });
    const report = await rejectedRows(t.http, coordinator.token, up.importId);
    expect(report.slice(1).map((line) => [line[3], line[4]])).toEqual([
      ['5', expect.stringMatching(/no decision/)],
      ['8', expect.stringMatching(/Skipped/)],
    ]);
  });

  it('a row matching a case already recorded is flagged with it, and {addTo} records its facts on that case', async () => {
    const existing = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Arman Zholatov', 'Shymkent'));
    expect(existing.status).toBe(201);
    const caseId = existing.body.caseId as string;
    const file = csv([
      ['ФИО', 'Город', 'Статья'],
      ['Жолатов Арман', 'Shymkent', '272'],
    ]);
    const up = await uploaded(coordinator, file, 'list.csv');
    const checked = await dryRun(coordinator, up.importId, up.suggestedMapping);
    expect(checked.rows).toEqual([
      {
        row: 2,
        fullName: 'Жолатов Арман',
        outcome: 'duplicate',
        errors: [],
        possibleDuplicates: [{ caseId, fullName: 'Arman Zholatov', city: 'Shymkent', score: 1 }],
      },
    ]);
    const before = await events.versionOf(caseId);
    await commit(coordinator, up.importId, up.suggestedMapping, { 2: { addTo: caseId } });
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({ status: 'done', recorded: 1 });
    const added = (await events.ofCase(caseId)).slice(before);
    // The row's spelling (surname first) joins the case's, then its charge is recorded.
    expect(added.map((event) => [event.type, event.metadata.importedFrom])).toEqual([
      ['NameVariantsAdded', { importId: up.importId, row: 2 }],
      ['ChargeBrought', { importId: up.importId, row: 2 }],
    ]);
    expect(added[0].data).toEqual({ variants: ['Жолатов Арман'] });
    expect((await importedCases(up.importId))[0]).toMatchObject({ case_id: caseId, outcome: 'recorded' });
  });

  it('a write a rule refuses rejects its row with the rule’s code, and the row’s later writes are not tried', async () => {
    const existing = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Timur Saparov', 'Oral'));
    const caseId = existing.body.caseId as string;
    expect((await post(t.http, coordinator.token, `/v1/cases/${caseId}/close`, { reason: 'released' })).status).toBe(
      201,
    );
    const file = csv([
      ['ФИО', 'Город', 'Статья', 'Примечание'],
      ['Timur Saparov', 'Oral', '272', 'seen at the court'],
    ]);
    const up = await uploaded(coordinator, file, 'list.csv');
    const before = await events.versionOf(caseId);
    await commit(coordinator, up.importId, up.suggestedMapping, { 2: { addTo: caseId } });
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({ recorded: 0, rejected: 1 });
    expect(await events.versionOf(caseId)).toBe(before);
    const { rows } = await db.query(`SELECT error_code, error_fields, steps FROM import_rows WHERE import_id = $1`, [
      up.importId,
    ]);
    expect(rows).toEqual([{ error_code: 'CASE_CLOSED', error_fields: ['article'], steps: [] }]);
    const report = await rejectedRows(t.http, coordinator.token, up.importId, 'kk');
    expect(report[1].slice(0, 5)).toEqual(['Timur Saparov', 'Oral', '272', 'seen at the court', '2']);
    expect(report[1][5]).toContain('CASE_CLOSED');
  });

  it('a repeated commit starts nothing twice: it answers the status and the rows stay recorded once', async () => {
    const file = csv([
      ['ФИО', 'Город'],
      ['Нурлан Хасенов', 'Атырау'],
      ['Сәуле Токаева', 'Атырау'],
    ]);
    const up = await uploaded(coordinator, file, 'list.csv');
    const mapping = up.suggestedMapping;
    const first = send(t.http, coordinator.token, `/v1/imports/${up.importId}/commit`, { mapping });
    const second = send(t.http, coordinator.token, `/v1/imports/${up.importId}/commit`, { mapping });
    const answers = await Promise.all([first, second]);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    await waitUntilDone(t.http, coordinator.token, up.importId);
    const again = await send(t.http, coordinator.token, `/v1/imports/${up.importId}/commit`, { mapping });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ importId: up.importId, status: 'done' });
    const status = await read(t.http, coordinator.token, `/v1/imports/${up.importId}`);
    expect(status.body).toMatchObject({ status: 'done', rows: 2, recorded: 2 });
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE metadata->'importedFrom'->>'importId' = $1`,
      [up.importId],
    );
    expect(rows[0].n).toBe(2);
  });

  it('a lawyer imports cases that are theirs; an import is its importer’s alone; auditors and admins may not import', async () => {
    const file = csv([
      ['ФИО', 'Город'],
      ['Бекжан Сериков', 'Тараз'],
    ]);
    const up = await uploaded(lawyer, file, 'mine.csv');
    await send(t.http, lawyer.token, `/v1/imports/${up.importId}/commit`, { mapping: up.suggestedMapping });
    await waitUntilDone(t.http, lawyer.token, up.importId);
    const [row] = await importedCases(up.importId);
    const opened = await events.ofCase(row.case_id);
    expect(opened.map((event) => event.type)).toEqual(['CaseOpened', 'LawyerAssigned']);
    expect(opened[1].data).toEqual({ lawyerId: lawyer.id, role: 'lead' });

    const other = await createUser(t.http, 'lawyer');
    expectError(await read(t.http, other.token, `/v1/imports/${up.importId}`), 404, 'NOT_FOUND');
    expectError(await read(t.http, coordinator.token, `/v1/imports/${up.importId}`), 404, 'NOT_FOUND');
    expectError(
      await send(t.http, other.token, `/v1/imports/${up.importId}/dry-run`, { mapping: up.suggestedMapping }),
      404,
      'NOT_FOUND',
    );
    expectError(await read(t.http, lawyer.token, '/v1/imports/not-an-id'), 404, 'NOT_FOUND');
    expectError(await upload(t.http, auditor.token, file, 'list.csv'), 403, 'FORBIDDEN');
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    expectError(await upload(t.http, admin, file, 'list.csv'), 403, 'FORBIDDEN');
    expectError(await upload(t.http, null as unknown as string, file, 'list.csv'), 401, 'UNAUTHENTICATED');
  });

  it('a mapping that names an unknown column or field, a field twice, or no name is refused with 400', async () => {
    const up = await uploaded(
      coordinator,
      csv([
        ['ФИО', 'Город', 'Место'],
        ['Арман Жолатов', 'Алматы', 'СИ-18'],
      ]),
      'list.csv',
    );
    const path = `/v1/imports/${up.importId}/dry-run`;
    expectValidation(await send(t.http, coordinator.token, path, { mapping: { Нет: 'fullName' } }), 'mapping.Нет');
    expectValidation(
      await send(t.http, coordinator.token, path, { mapping: { ФИО: 'fullName', Город: 'town' } }),
      'mapping.Город',
    );
    expectValidation(
      await send(t.http, coordinator.token, path, { mapping: { ФИО: 'fullName', Город: 'city', Место: 'city' } }),
      'mapping.Место',
    );
    expectValidation(await send(t.http, coordinator.token, path, { mapping: { Город: 'city' } }), 'mapping');
    expectValidation(await send(t.http, coordinator.token, path, {}), 'mapping');
    expectValidation(
      await send(t.http, coordinator.token, `/v1/imports/${up.importId}/commit`, {
        mapping: { ФИО: 'fullName' },
        decisions: { 2: 'maybe', 9: 'skip' },
      }),
      'decisions.2',
      'decisions.9',
    );
    expect((await read(t.http, coordinator.token, `/v1/imports/${up.importId}`)).body.status).toBe('uploaded');
  });

  it('refuses what is not a list: too large (413), not multipart or not text (415), no file or empty (400)', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    expectError(await upload(t.http, coordinator.token, big, 'big.csv'), 413, 'IMPORT_TOO_LARGE');
    expectError(
      await send(t.http, coordinator.token, '/v1/imports', { file: 'ФИО,Город' }),
      415,
      'IMPORT_UNSUPPORTED_TYPE',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectError(await upload(t.http, coordinator.token, png, 'photo.csv'), 415, 'IMPORT_UNSUPPORTED_TYPE');
    expectError(await upload(t.http, coordinator.token, Buffer.alloc(0), 'empty.csv'), 400, 'IMPORT_EMPTY');
    const noFile = await request(t.http)
      .post('/v1/imports')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .field('kind', 'cases');
    expectValidation(noFile, 'file');
    const badForm = await upload(t.http, coordinator.token, csv([['ФИО'], ['А']]), 'a.csv', {
      kind: 'people',
      timeZone: 'Mars/Olympus',
    });
    expectValidation(badForm, 'kind', 'timeZone');
    const nul = await upload(t.http, coordinator.token, csv([['ФИО'], ['А']]), 'a.csv', { timeZone: 'UTC\u0000' });
    expectError(nul, 400, 'VALIDATION_FAILED');
  });

  it('the console uploads with its session cookie and CSRF header (helmet and the hostile-input checks in place)', async () => {
    const email = `importer-${Date.now()}@casetrack.test`;
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    await post(t.http, admin, '/v1/users', {
      email,
      name: 'Importer',
      role: 'coordinator',
      password: 'a-long-password',
    });
    const session = await request(t.http).post('/v1/auth/session').send({ email, password: 'a-long-password' });
    expect(session.status).toBe(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const file = csv([['ФИО'], ['Арман Жолатов']]);
    const withoutCsrf = await request(t.http).post('/v1/imports').set('Cookie', cookie).attach('file', file, 'a.csv');
    expectError(withoutCsrf, 403, 'CSRF_TOKEN_INVALID');
    const withCsrf = await request(t.http)
      .post('/v1/imports')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', session.body.csrf.token as string)
      .attach('file', file, 'a.csv');
    expect(withCsrf.status).toBe(201);
    expect(withCsrf.headers['x-content-type-options']).toBe('nosniff');
    expect(withCsrf.body.rows).toBe(1);
  });

  it('a list of hearings is scheduled on the cases it names, by id or by a name only one case has', async () => {
    const named = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Kanat Zhumabekov', 'Almaty'));
    const byId = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Ruslan Omarov', 'Almaty'));
    const file = csv([
      ['ФИО', 'Дело', 'Суд', 'Дата заседания', 'Время'],
      ['Канат Жумабеков', '', 'Алмалинский районный суд', '20.12.2026', '10:30'],
      ['', byId.body.caseId as string, 'Алмалинский районный суд', '20.12.2026', '10:40'],
      ['Никто Неизвестный', '', 'Алмалинский районный суд', '20.12.2026', '10:50'],
    ]);
    const up = await uploaded(coordinator, file, 'court.csv', { kind: 'hearings', timeZone: 'Asia/Almaty' });
    const mapping = {
      ФИО: 'fullName',
      Дело: 'caseId',
      Суд: 'court',
      'Дата заседания': 'scheduledAt',
      Время: 'hearingTime',
    };
    // The read models must show the cases opened above before a name can find them.
    const position = Math.max(named.body.position as number, byId.body.position as number);
    await request(t.http)
      .get('/v1/cases?pageSize=1')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position))
      .expect(200);
    const checked = await dryRun(coordinator, up.importId, mapping);
    expect(checked.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'invalid'],
    ]);
    expect(checked.rows[0].possibleDuplicates).toEqual([expect.objectContaining({ caseId: named.body.caseId })]);
    await commit(coordinator, up.importId, mapping);
    expect(await waitUntilDone(t.http, coordinator.token, up.importId)).toMatchObject({
      status: 'done',
      recorded: 2,
      rejected: 1,
    });
    const scheduled = (await events.ofCase(named.body.caseId as string)).filter((e) => e.type === 'HearingScheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].data).toMatchObject({
      court: 'Алмалинский районный суд',
      scheduledAt: '2026-12-20T05:30:00.000Z',
    });
    const onId = (await events.ofCase(byId.body.caseId as string)).filter((e) => e.type === 'HearingScheduled');
    expect(onId).toHaveLength(1);
  });

  it('an imported case erased leaves nothing of its row in import_rows; DELETE purges an import', async () => {
    const file = csv([
      ['ФИО', 'Город', 'Статья'],
      ['Асель Нурланова', 'Караганда', 'двести семьдесят второй'],
      ['Ерик Сагинов', 'Караганда', '272'],
    ]);
    const up = await uploaded(coordinator, file, 'list.csv');
    await commit(coordinator, up.importId, up.suggestedMapping);
    await waitUntilDone(t.http, coordinator.token, up.importId);
    const rows = await importedCases(up.importId);
    const recorded = rows.find((row) => row.outcome === 'recorded');
    expect(recorded).toBeDefined();
    const erased = await post(t.http, coordinator.token, `/v1/cases/${recorded?.case_id}/erase`, {
      reason: 'family request',
    });
    expect(erased.status).toBe(201);
    await request(t.http)
      .get(`/v1/cases/${recorded?.case_id}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(erased.body.position))
      .expect(200);
    const { rows: left } = await db.query(`SELECT row FROM import_rows WHERE case_id = $1`, [recorded?.case_id]);
    expect(left).toEqual([]);

    expect(
      (await request(t.http).delete(`/v1/imports/${up.importId}`).set('Authorization', `Bearer ${coordinator.token}`))
        .status,
    ).toBe(204);
    const { rows: gone } = await db.query(`SELECT 1 FROM import_rows WHERE import_id = $1`, [up.importId]);
    expect(gone).toEqual([]);
    expectError(await read(t.http, coordinator.token, `/v1/imports/${up.importId}`), 404, 'NOT_FOUND');
  });

  it('imports older than IMPORT_RETENTION_DAYS are purged with their rows; one still committing is kept', async () => {
    const file = csv([
      ['ФИО', 'Город', 'Дата задержания'],
      ['Гульнара Маратова', 'Актобе', 'вчера-позавчера'],
    ]);
    const old = await uploaded(coordinator, file, 'old.csv');
    await commit(coordinator, old.importId, old.suggestedMapping);
    await waitUntilDone(t.http, coordinator.token, old.importId);
    const recent = await uploaded(coordinator, file, 'recent.csv');
    const committing = await uploaded(coordinator, file, 'committing.csv');
    await db.query(`UPDATE imports SET created_at = now() - interval '15 days' WHERE id = ANY($1::uuid[])`, [
      [old.importId, committing.importId],
    ]);
    // Held as committing without a runner seeing it: the status alone is what the purge reads.
    await db.query(`UPDATE imports SET status = 'committing', updated_at = now() + interval '1 day' WHERE id = $1`, [
      committing.importId,
    ]);
    expect(await t.app.get(ImportStore).purgeOlderThan(t.config.importRetentionDays)).toBe(1);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM imports WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      [old.importId, recent.importId, committing.importId],
    ]);
    expect(rows.map((row) => row.id).sort()).toEqual([recent.importId, committing.importId].sort());
    const { rows: left } = await db.query(`SELECT 1 FROM import_rows WHERE import_id = $1`, [old.importId]);
    expect(left).toEqual([]);
    await db.query(`DELETE FROM imports WHERE id = $1`, [committing.importId]);
  });
});
