import request from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectValidation, get, openCaseBody, post } from '../support/e2e';
import { compact, getBytes, pdfText } from '../support/pdf-text';

/**
 * Issue 14, item 4: the dossier in the reader's language and time zone, people by account name and role, who issued
 * it and when. The lawyer writes in Almaty; the fact of 8 January just after midnight there is 7 January in UTC.
 */
describe('dossier in the reader’s language and time zone', () => {
  let t: TestApp;
  let lawyer: TestUser;
  let coordinator: TestUser;
  let caseId: string;

  async function rename(user: TestUser, body: Record<string, string>): Promise<void> {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    await request(t.http).patch(`/v1/users/${user.id}`).set('Authorization', `Bearer ${admin}`).send(body).expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp();
    [lawyer, coordinator] = await Promise.all([createUser(t.http, 'lawyer'), createUser(t.http, 'coordinator')]);
    await rename(lawyer, { name: 'Ерлан Құдайбергенов' });
    await rename(coordinator, { name: 'Дана Нұрланқызы', locale: 'kk' });
    const opened = await post(t.http, lawyer.token, '/v1/cases', openCaseBody('Жолатов Арман', 'Алматы'));
    caseId = opened.body.caseId;
    const writes: Array<[string, Record<string, unknown>]> = [
      ['/detention', { authority: 'police', occurredAt: '2022-01-08T00:30:00+06:00', occurredAtPrecision: 'day' }],
      [
        '/preventive-measures',
        { measure: 'pretrial_detention', until: '2022-03-05T20:00:00Z', occurredAt: '2022-01-10T10:00:00+06:00' },
      ],
      ['/notes', { text: 'Әйгерім һәм Ұлжан', occurredAtPrecision: 'approximate', occurredAt: '2022-01-09T10:00:00Z' }],
    ];
    for (const [path, body] of writes) {
      const response = await post(t.http, lawyer.token, `/v1/cases/${caseId}${path}`, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  });

  afterAll(() => t.close());

  async function pdf(query: string, token = coordinator.token): Promise<string> {
    const response = await getBytes(t.http, token, `/v1/cases/${caseId}/dossier?format=pdf${query}`);
    expect(response.status).toBe(200);
    return compact(pdfText(response.body as Buffer));
  }

  it('accepts lang and tz (they used to answer 400) and refuses a zone or language it does not know', async () => {
    expect((await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?tz=Asia/Almaty&lang=ru`)).status).toBe(
      200,
    );
    expectValidation(await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?tz=Mars/Olympus`), 'tz');
    expectValidation(await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?lang=de`), 'lang');
  });

  it('the JSON names who issued it, in which language and zone, and everyone it names by account', async () => {
    const response = await get(t.http, coordinator.token, `/v1/cases/${caseId}/dossier?tz=Europe/Moscow`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      language: 'kk',
      timeZone: 'Europe/Moscow',
      issuedBy: { id: coordinator.id, name: 'Дана Нұрланқызы', role: 'coordinator' },
    });
    expect(response.body.people).toContainEqual({ id: lawyer.id, name: 'Ерлан Құдайбергенов', role: 'lawyer' });
  });

  it('Kazakh by default for a Kazakh reader: its letters intact, the day fact on 8 January, people by name', async () => {
    const text = await pdf('');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) expect(text).toContain(letter);
    expect(text).toContain(compact('Болған уақыты: 2022 жылғы 8 қаңтар ·'));
    expect(text).toContain(compact('Ерлан Құдайбергенов, адвокат'));
    expect(text).toContain(compact('берген: Дана Нұрланқызы, үйлестіруші'));
    expect(text).toContain(compact('Аяқталу мерзімі: 2022 жылғы 6 наурыз'));
    expect(text).not.toMatch(/[Ll]awyer[0-9a-f]{8}/);
  });

  it('Russian and English on request, in the zone asked for: a day fact never moves, a typed date does', async () => {
    const ru = await pdf('&lang=ru&tz=Asia/Almaty');
    expect(ru).toContain(compact('Произошло: 8 января 2022 г. ·'));
    expect(ru).toContain(compact('До: 6 марта 2022 г.'));
    expect(ru).toContain(compact('Произошло: приблизительно 9 января 2022 г., 16:00 (Asia/Almaty)'));
    const en = await pdf('&lang=en&tz=America/New_York');
    expect(en).toContain(compact('Happened: 8 January 2022 ·'));
    expect(en).toContain(compact('Until: 5 March 2022'));
    expect(en).toContain(compact('approximately 9 January 2022, 05:00 (America/New_York)'));
    expect(en).toContain(compact('issued by Дана Нұрланқызы, coordinator on'));
    expect(en).toContain(compact('Sections with nothing recorded'));
  });
});
