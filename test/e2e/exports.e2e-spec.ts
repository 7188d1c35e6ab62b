import request, { type Response } from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectError, expectValidation, get, post } from '../support/e2e';
import { getBytes } from '../support/pdf-text';
import { parseCsv, readXlsx } from './exports/read-back';

/** The whole body as bytes, whatever its type (supertest parses only text and JSON by itself). */
function download(t: TestApp, token: string, path: string): Promise<Response & { body: Buffer }> {
  return getBytes(t.http, token, path) as Promise<Response & { body: Buffer }>;
}

function csvOf(response: Response & { body: Buffer }): string[][] {
  expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(response.body.subarray(3).toString('utf8'));
}

describe('exports of cases and statistics', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let auditor: TestUser;
  let lawyerA: TestUser;
  let lawyerB: TestUser;
  const ids: Record<'named' | 'anonymised' | 'internal', string> = { named: '', anonymised: '', internal: '' };
  let position = 0;

  async function write(token: string, path: string, body: unknown): Promise<Response> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  async function open(token: string, detainee: Record<string, unknown>): Promise<string> {
    return (await write(token, '/v1/cases', { detainee, source: { kind: 'relative' } })).body.caseId as string;
  }

  /** A user whose account name is `name` (any script; the e-mail address is made of the role). */
  async function named(role: 'lawyer' | 'coordinator', name: string, locale = 'en'): Promise<TestUser> {
    const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    const email = `${role}-${Math.random().toString(36).slice(2, 10)}@casetrack.test`;
    const password = 'a-long-test-password';
    const created = await request(t.http)
      .post('/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email, name, role, password, timeZone: 'Asia/Almaty' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    if (locale !== 'en') {
      const changed = await request(t.http)
        .patch(`/v1/users/${id}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ locale });
      expect(changed.status).toBe(200);
    }
    return { id, token: await login(t.http, email, password) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    auditor = await createUser(t.http, 'auditor');
    lawyerA = await named('lawyer', 'Әлия Сәрсенбаева');
    lawyerB = await named('lawyer', 'Boris B');

    ids.named = await open(lawyerA.token, {
      fullName: 'Жолатов Арман Серікұлы',
      nameVariants: ['Zholatov Arman'],
      city: 'Алматы',
      vulnerabilities: ['wounded'],
    });
    await write(lawyerA.token, `/v1/cases/${ids.named}/charges`, {
      code: 'criminal',
      article: '272',
      part: '2',
      title: 'Массовые беспорядки',
    });
    await write(lawyerA.token, `/v1/cases/${ids.named}/hearings`, {
      kind: 'preventive_measure',
      court: 'Медеуский районный суд',
      scheduledAt: '2030-01-08T00:30:00+05:00',
    });
    await write(lawyerA.token, `/v1/cases/${ids.named}/torture-allegations`, {
      periodFrom: '2026-01-05T10:00:00+06:00',
      methods: ['beating'],
      consent: 'full',
    });

    ids.anonymised = await open(lawyerA.token, {
      fullName: 'Қайрат Әбдірахманов',
      nameVariants: ['Kairat Abdrakhmanov'],
      birthDate: '1990-05-04',
      city: 'Талдықорған',
    });
    await write(lawyerA.token, `/v1/cases/${ids.anonymised}/torture-allegations`, {
      periodFrom: '2026-01-06T10:00:00+06:00',
      methods: ['electric_shock'],
      consent: 'anonymised',
    });
    await write(lawyerA.token, `/v1/cases/${ids.anonymised}/torture-allegations`, {
      periodFrom: '2026-01-07T10:00:00+06:00',
      methods: ['beating'],
      consent: 'full',
    });

    ids.internal = await open(lawyerB.token, { fullName: 'Ұлан Өтегенов', city: 'Алматы' });
    await write(lawyerB.token, `/v1/cases/${ids.internal}/torture-allegations`, {
      periodFrom: '2026-01-05T12:00:00+06:00',
      methods: ['threats_to_family'],
      consent: 'internal_only',
    });

    // Exports read the read models: wait until they include every write above.
    const caught = await request(t.http)
      .get('/v1/cases')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position));
    expect(caught.status).toBe(200);
    expect(caught.body.total).toBe(3);
  });

  afterAll(async () => {
    await t.close();
  });

  it('exports every case the coordinator may see as UTF-8 CSV with a BOM, headers in English, Cyrillic intact', async () => {
    const response = await download(t, coordinator.token, '/v1/cases/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csvOf(response);
    expect(header.slice(0, 5)).toEqual([
      'Case ID',
      'Full name',
      'Year of birth',
      'Other spellings of the name',
      'City',
    ]);
    expect(header).toContain('Next hearing (Asia/Almaty)');
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));

    const named = byId.get(ids.named)!;
    expect(named['Full name']).toBe('Жолатов Арман Серікұлы');
    expect(named['Other spellings of the name']).toBe('Zholatov Arman');
    expect(named.City).toBe('Алматы');
    expect(named.Charges).toBe('art. 272 part 2 Массовые беспорядки (criminal)');
    expect(named.Lawyers).toBe('Әлия Сәрсенбаева (lead lawyer)');
    expect(named['Next hearing (Asia/Almaty)']).toBe('2030-01-08 00:30');
    expect(named['Next hearing: court']).toBe('Медеуский районный суд');
    expect(named['Torture allegations']).toBe('1');
    expect(named.Vulnerabilities).toBe('wounded');
    expect(named['Case closed']).toBe('no');
  });

  it('honours consent: anonymised -> initials and year of birth only; internal_only is never counted', async () => {
    const [header, ...rows] = csvOf(await download(t, coordinator.token, '/v1/cases/export'));
    const byId = new Map(rows.map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));
    const anonymised = byId.get(ids.anonymised)!;
    expect(anonymised['Full name']).toBe('Қ. Ә.');
    expect(anonymised['Year of birth']).toBe('1990');
    expect(anonymised['Other spellings of the name']).toBe('');
    expect(anonymised['Torture allegations']).toBe('2');
    const body = rows.flat().join('\n');
    expect(body).not.toContain('Қайрат');
    expect(body).not.toContain('Kairat');
    const internal = byId.get(ids.internal)!;
    expect(internal['Full name']).toBe('Ұлан Өтегенов');
    expect(internal['Torture allegations']).toBe('0');
  });

  it('writes an xlsx workbook in Kazakh (lang=kk) with times in the zone asked (tz)', async () => {
    const response = await download(t, auditor.token, '/v1/cases/export?format=xlsx&lang=kk&tz=UTC');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/filename="cases-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheets = readXlsx(new Uint8Array(response.body));
    expect(sheets.map((s) => s.name)).toEqual(['Істер']);
    const [header, ...rows] = sheets[0].rows;
    expect(header.slice(0, 3)).toEqual(['Іс идентификаторы', 'Тегі, аты, әкесінің аты', 'Туған жылы']);
    expect(header).toContain('Келесі сот отырысы (UTC)');
    expect(rows).toHaveLength(3);
    const named = rows.find((row) => row[0] === ids.named)!;
    expect(named[1]).toBe('Жолатов Арман Серікұлы');
    expect(named[header.indexOf('Келесі сот отырысы (UTC)')]).toBe('2030-01-07 19:30');
    expect(named[header.indexOf('Айыптар')]).toBe('272-баптың 2-бөлігі Массовые беспорядки (қылмыстық)');
    expect(named[header.indexOf('Азаптау туралы арыздар')]).toBe(1);
    expect(named[header.indexOf('Мәртебесі')]).toEqual(expect.any(String));
  });

  it("uses the reader's own language when none is asked", async () => {
    const reader = await named('coordinator', 'Читатель', 'ru');
    const [header] = csvOf(await download(t, reader.token, '/v1/cases/export'));
    expect(header.slice(0, 3)).toEqual(['Идентификатор дела', 'ФИО', 'Год рождения']);
  });

  it('applies the list filters, and a lawyer exports only their own cases', async () => {
    const [, ...inAlmaty] = csvOf(
      await download(t, coordinator.token, `/v1/cases/export?city=${encodeURIComponent('Алматы')}`),
    );
    expect(inAlmaty.map((row) => row[0]).sort()).toEqual([ids.named, ids.internal].sort());
    const [, ...byArticle] = csvOf(await download(t, coordinator.token, '/v1/cases/export?article=272'));
    expect(byArticle.map((row) => row[0])).toEqual([ids.named]);

    // An allegation given for internal use only is not shown by an export, nor does it select a case for one.
    const [, ...alleged] = csvOf(await download(t, coordinator.token, '/v1/cases/export?tortureAlleged=true'));
    expect(alleged.map((row) => row[0]).sort()).toEqual([ids.named, ids.anonymised].sort());
    const [, ...notAlleged] = csvOf(await download(t, coordinator.token, '/v1/cases/export?tortureAlleged=false'));
    expect(notAlleged.map((row) => row[0])).toEqual([ids.internal]);

    const [, ...mine] = csvOf(await download(t, lawyerB.token, '/v1/cases/export?format=csv'));
    expect(mine.map((row) => row[0])).toEqual([ids.internal]);
    const sheets = readXlsx(new Uint8Array((await download(t, lawyerA.token, '/v1/cases/export?format=xlsx')).body));
    expect(
      sheets[0].rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([ids.named, ids.anonymised].sort());
  });

  it('writes one access-log entry per export, naming the filter and the number of cases', async () => {
    const exporter = await createUser(t.http, 'auditor', 'exporter');
    const path = `/v1/cases/export?format=xlsx&city=${encodeURIComponent('Алматы')}`;
    expect((await download(t, exporter.token, path)).status).toBe(200);
    const log = await get(t.http, coordinator.token, `/v1/audit/access?userId=${exporter.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        caseId: null,
        userId: exporter.id,
        userRole: 'auditor',
        view: 'export',
        filter: { city: 'Алматы', format: 'xlsx' },
        caseCount: 2,
      }),
    ]);
  });

  it('refuses an unknown format, a bad zone or language, and roles that read no cases', async () => {
    expectValidation(await get(t.http, coordinator.token, '/v1/cases/export?format=pdf'), 'format');
    expectValidation(await get(t.http, coordinator.token, '/v1/stats/export?format=ods'), 'format');
    expectValidation(await get(t.http, coordinator.token, '/v1/cases/export?tz=Mars/Olympus'), 'tz');
    expectValidation(await get(t.http, coordinator.token, '/v1/cases/export?lang=de'), 'lang');
    expectValidation(await get(t.http, coordinator.token, '/v1/cases/export?page=2'), 'page');
    expectValidation(await get(t.http, coordinator.token, '/v1/cases/export?sort=fullName'), 'sort');
    const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    expectError(await get(t.http, adminToken, '/v1/cases/export'), 403, 'FORBIDDEN');
    expectError(await get(t.http, null, '/v1/cases/export'), 401, 'UNAUTHENTICATED');
  });

  it('exports the statistics: one sheet per breakdown (xlsx), one section each (CSV)', async () => {
    const stats = (await get(t.http, coordinator.token, '/v1/stats')).body as Record<string, unknown>;
    const workbook = await download(t, coordinator.token, '/v1/stats/export?format=xlsx&lang=ru');
    expect(workbook.status).toBe(200);
    expect(workbook.headers['content-disposition']).toMatch(/filename="statistics-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheets = readXlsx(new Uint8Array(workbook.body));
    const names = sheets.map((s) => s.name);
    const breakdowns = Object.values(stats).filter((v) => typeof v === 'object' && v !== null).length;
    expect(sheets).toHaveLength(breakdowns + 1);
    expect(names).toEqual(expect.arrayContaining(['Итоги', 'По статусу', 'По городам', 'Жалобы']));
    // Every title and header comes from the catalogue: none is left as a field name.
    for (const sheet of sheets) {
      expect(sheet.name).not.toMatch(/^[A-Za-z]+$/);
      for (const header of sheet.rows[0]) expect(String(header)).not.toMatch(/^[A-Za-z]+$/);
      // Nor is an item (a status, a figure of the complaints or the hearings): the cities here are Cyrillic too.
      for (const row of sheet.rows.slice(1)) expect(String(row[0])).not.toMatch(/^[A-Za-z_]+$/);
    }
    const byCity = sheets.find((s) => s.name === 'По городам')!;
    expect(byCity.rows[0]).toEqual(['Город', 'Количество']);
    expect(byCity.rows.slice(1)).toEqual(
      expect.arrayContaining([
        ['Алматы', 2],
        ['Талдықорған', 1],
      ]),
    );
    const totals = sheets.find((s) => s.name === 'Итоги')!;
    expect(totals.rows).toEqual(expect.arrayContaining([['Заявления о пытках', stats.tortureAllegations as number]]));

    const csv = csvOf(await download(t, lawyerB.token, '/v1/stats/export'));
    const titles = csv.filter((_row, i) => i === 0 || (csv[i - 1].length === 1 && csv[i - 1][0] === ''));
    expect(titles.map((row) => row[0])).toEqual(expect.arrayContaining(['Totals', 'By status', 'By city']));
    const cityTitle = csv.findIndex((row) => row[0] === 'By city');
    expect(csv[cityTitle + 1]).toEqual(['City', 'Count']);
    expect(csv[cityTitle + 2]).toEqual(['Алматы', '1']);

    const inOneCity = readXlsx(
      new Uint8Array(
        (await download(t, coordinator.token, `/v1/stats/export?format=xlsx&city=${encodeURIComponent('Алматы')}`))
          .body,
      ),
    );
    expect(inOneCity.find((s) => s.name === 'By city')!.rows.slice(1)).toEqual([['Алматы', 2]]);
  });
});
