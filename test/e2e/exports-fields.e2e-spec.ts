import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { post } from '../support/e2e';
import { getBytes } from '../support/pdf-text';
import { parseCsv } from './exports/read-back';

/**
 * Fields the export reads in its own way (times as epoch milliseconds, the year of birth and the next hearing in
 * SQL): an erased case, a year of birth given as such, the earliest hearing still to come, times in the reader's zone.
 */
describe('export fields', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let position = 0;
  const ids = { erased: '', born: '' };

  async function write(path: string, body: unknown): Promise<Response> {
    const response = await post(t.http, coordinator.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  async function caughtUp(path: string): Promise<Response> {
    const response = await request(t.http)
      .get(path)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position));
    expect(response.status).toBe(200);
    return response;
  }

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    const open = async (detainee: Record<string, unknown>): Promise<string> =>
      (await write('/v1/cases', { detainee, source: { kind: 'relative' } })).body.caseId as string;
    ids.erased = await open({
      fullName: 'Серікұлы Нұрлан',
      nameVariants: ['Serikuly Nurlan'],
      birthDate: '1988-02-03',
      city: 'Ақтөбе',
    });
    await write(`/v1/cases/${ids.erased}/erase`, { reason: 'request of the person concerned' });
    ids.born = await open({ fullName: 'Өмір Қасымов', city: 'Шымкент' });
    await write(`/v1/cases/${ids.born}/identity`, { birthYear: 1979 });
    for (const scheduledAt of ['2020-03-01T10:00:00+05:00', '2031-06-02T15:45:00+05:00', '2030-11-20T09:05:00+05:00']) {
      await write(`/v1/cases/${ids.born}/hearings`, { kind: 'trial', court: 'Шымкент қалалық соты', scheduledAt });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('prints an erased case as erased, a year of birth as given, the next hearing to come, times in the zone', async () => {
    await caughtUp('/v1/cases');
    const response = (await getBytes(t.http, coordinator.token, '/v1/cases/export?tz=Asia/Tokyo')) as Response & {
      body: Buffer;
    };
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(response.body.subarray(3).toString('utf8'));
    const byId = new Map(rows.map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));

    const erased = byId.get(ids.erased)!;
    expect(erased['Full name']).toBe('[erased]');
    expect(erased['Year of birth']).toBe('');
    expect(erased['Other spellings of the name']).toBe('');
    expect(erased.City).toBe('Ақтөбе');

    const born = byId.get(ids.born)!;
    expect(born['Year of birth']).toBe('1979');
    // The earliest hearing from now on: not the one in 2020, not the later one in 2031. 09:05 in Almaty (+05:00).
    expect(born['Next hearing (Asia/Tokyo)']).toBe('2030-11-20 13:05');
    expect(born['Next hearing: court']).toBe('Шымкент қалалық соты');

    // The last recorded time to the minute in Tokyo, as the case itself gives it.
    const detail = (await caughtUp(`/v1/cases/${ids.born}`)).body as { lastRecordedAt: string; version: number };
    const tokyo = new Date(Date.parse(detail.lastRecordedAt) + 9 * 3_600_000).toISOString();
    expect(born['Last recorded (Asia/Tokyo)']).toBe(`${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)}`);
    expect(born.Version).toBe(String(detail.version));
  });
});
