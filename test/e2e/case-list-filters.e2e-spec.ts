import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectValidation, post } from '../support/e2e';

/**
 * The case list's filters and sorts of the contract's additions: closed, detainedFrom/detainedTo, tortureAlleged,
 * publicRole, sort. Readers are in Asia/Almaty (+06:00 in January 2022).
 *
 * | case      | first detention                                  | other                                  |
 * |-----------|--------------------------------------------------|----------------------------------------|
 * | G Gulnara | 2022-01-08 09:00 +06:00, day (03:00 UTC on 8th)  | the lawyer's; written first            |
 * | A Aigerim | 2022-01-05 10:00 +06:00, exact                   | torture alleged                        |
 * | B Bolat   | 2022-01-08 00:30 +06:00, day (18:30 UTC on 7th)  | journalist                             |
 * | C Chingiz | 2022-01-07 20:30 UTC, exact (8th in Almaty)      | torture alleged                        |
 * | D Dana    | January 2022, month (15th 06:00 UTC)             | closed; written last                   |
 * | F Farida  | none                                             |                                        |
 * Last written, oldest first: G, F, C, B, A, D.
 */
describe('GET /v1/cases: filters and sorts', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let position = 0;
  const id: Record<string, string> = {};

  async function write(token: string, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  async function open(token: string, key: string, fullName: string): Promise<string> {
    const response = await write(token, '/v1/cases', {
      detainee: { fullName, city: 'Almaty' },
      source: { kind: 'relative' },
    });
    id[key] = response.body.caseId as string;
    return `/v1/cases/${id[key]}`;
  }

  function read(user: TestUser, query: string): Promise<Response> {
    return request(t.http)
      .get(`/v1/cases${query}`)
      .set('Authorization', `Bearer ${user.token}`)
      .set('X-Min-Position', String(position));
  }

  /** The cases listed, as their letters, in the order answered. */
  async function list(query: string, user: TestUser = coordinator): Promise<string[]> {
    const response = await read(user, query);
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${JSON.stringify(response.body)}`);
    const letters = Object.fromEntries(Object.entries(id).map(([letter, caseId]) => [caseId, letter]));
    return (response.body.items as Array<{ caseId: string }>).map((item) => letters[item.caseId]);
  }

  const sorted = async (query: string, user?: TestUser): Promise<string[]> => (await list(query, user)).sort();

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, lawyer] = await Promise.all([createUser(t.http, 'coordinator'), createUser(t.http, 'lawyer')]);
    const k = coordinator.token;
    const detention = (occurredAt: string, occurredAtPrecision = 'exact') => ({
      authority: 'police',
      occurredAt,
      occurredAtPrecision,
    });

    const G = await open(lawyer.token, 'G', 'Gulnara Gabitova');
    await write(lawyer.token, `${G}/detention`, detention('2022-01-08T09:00:00+06:00', 'day'));
    const A = await open(k, 'A', 'Aigerim Abenova');
    await write(k, `${A}/detention`, detention('2022-01-05T10:00:00+06:00'));
    await write(k, `${A}/torture-allegations`, { periodFrom: '2022-01-05T12:00:00+06:00', methods: ['beating'] });
    const B = await open(k, 'B', 'Bolat Bekov');
    await write(k, `${B}/detention`, detention('2022-01-08T00:30:00+06:00', 'day'));
    await write(k, `${B}/identity`, { publicRoles: ['journalist'] });
    const C = await open(k, 'C', 'Chingiz Chokin');
    await write(k, `${C}/detention`, detention('2022-01-07T20:30:00Z'));
    await write(k, `${C}/torture-allegations`, { periodFrom: '2022-01-08T03:00:00+06:00', methods: [] });
    const D = await open(k, 'D', 'Dana Dosova');
    await write(k, `${D}/detention`, detention('2022-01-15T12:00:00+06:00', 'month'));
    const F = await open(k, 'F', 'Farida Fazylova');
    for (const path of [F, C, B, A]) await write(k, `${path}/notes`, { text: 'called the family' });
    await write(k, `${D}/close`, { reason: 'family asked' });
  });

  afterAll(() => t.close());

  it('filters by closed', async () => {
    expect(await sorted('?closed=true')).toEqual(['D']);
    expect(await sorted('?closed=false')).toEqual(['A', 'B', 'C', 'F', 'G']);
  });

  it('filters by the day of the first detention: the writer’s when known to the day, else the reader’s', async () => {
    expect(await sorted('?detainedFrom=2022-01-08&detainedTo=2022-01-08')).toEqual(['B', 'C', 'G']);
    expect(await sorted('?detainedTo=2022-01-07')).toEqual(['A']);
    // D's month began before the 6th: not certainly within.
    expect(await sorted('?detainedFrom=2022-01-06')).toEqual(['B', 'C', 'G']);
    expect(await sorted('?detainedFrom=2022-01-01&detainedTo=2022-01-31')).toEqual(['A', 'B', 'C', 'D', 'G']);
    expect(await sorted('?detainedFrom=2022-01-01&detainedTo=2022-01-15')).toEqual(['A', 'B', 'C', 'G']);
    expect(await sorted('?detainedFrom=2022-01-09')).toEqual([]);
  });

  it('filters by tortureAlleged and publicRole, combined with the others', async () => {
    expect(await sorted('?tortureAlleged=true')).toEqual(['A', 'C']);
    expect(await sorted('?tortureAlleged=false')).toEqual(['B', 'D', 'F', 'G']);
    expect(await sorted('?publicRole=journalist')).toEqual(['B']);
    expect(await sorted('?closed=false&detainedFrom=2022-01-06&tortureAlleged=true')).toEqual(['C']);
  });

  it('shows a lawyer only their own cases, filtered the same way', async () => {
    expect(await sorted('?detainedFrom=2022-01-08&detainedTo=2022-01-08', lawyer)).toEqual(['G']);
    expect(await sorted('?tortureAlleged=true', lawyer)).toEqual([]);
  });

  it('sorts by lastRecordedAt either way (descending by default), fullName and detainedAt (none last)', async () => {
    expect(await list('')).toEqual(['D', 'A', 'B', 'C', 'F', 'G']);
    expect(await list('?sort=-lastRecordedAt')).toEqual(['D', 'A', 'B', 'C', 'F', 'G']);
    expect(await list('?sort=lastRecordedAt')).toEqual(['G', 'F', 'C', 'B', 'A', 'D']);
    expect(await list('?sort=fullName')).toEqual(['A', 'B', 'C', 'D', 'F', 'G']);
    expect(await list('?sort=-fullName')).toEqual(['G', 'F', 'D', 'C', 'B', 'A']);
    expect(await list('?sort=detainedAt')).toEqual(['A', 'B', 'C', 'G', 'D', 'F']);
    expect(await list('?sort=-detainedAt')).toEqual(['D', 'G', 'C', 'B', 'A', 'F']);
    expect(await list('?sort=fullName&page=2&pageSize=2')).toEqual(['C', 'D']);
    expect(await list('?sort=detainedAt&closed=false&pageSize=3')).toEqual(['A', 'B', 'C']);
  });

  it('answers an exact total and says so', async () => {
    const response = await read(coordinator, '?tortureAlleged=false&pageSize=1');
    expect(response.body).toMatchObject({ total: 4, totalIsEstimate: false, page: 1, pageSize: 1 });
  });

  it('counts a name search’s matches exactly, also past its last page', async () => {
    expect((await read(coordinator, '?q=bolat%20bekov')).body).toMatchObject({ total: 1, totalIsEstimate: false });
    const past = await read(coordinator, '?q=bolat%20bekov&page=2');
    expect(past.body).toMatchObject({ items: [], total: 1, totalIsEstimate: false });
    expect(await list('?q=bolat%20bekov&sort=fullName')).toEqual(['B']);
  });

  it.each([
    ['?sort=name', 'sort'],
    ['?sort=', 'sort'],
    ['?detainedFrom=2022-02-30', 'detainedFrom'],
    ['?detainedTo=', 'detainedTo'],
    ['?detainedFrom=2022-01-09&detainedTo=2022-01-08', 'detainedTo'],
    ['?tortureAlleged=yes', 'tortureAlleged'],
    ['?closed=1', 'closed'],
    ['?detained=2022-01-08', 'detained'],
  ])('refuses %s with 400', async (query, field) => {
    expectValidation(await read(coordinator, query), field);
  });
});
