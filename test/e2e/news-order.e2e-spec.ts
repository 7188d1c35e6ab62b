import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, expectError, expectValidation, fromNow, post } from '../support/e2e';

type Body = Record<string, unknown>;

/**
 * Issue 12, items 1 and 3 over HTTP: news in any order (a release as the first news of a custody) and unknown is not
 * a value (fields a witness often cannot give are optional, read as null, and never counted as a city, article or
 * facility called "unknown"). Facilities are told apart by city, code and name.
 */
describe('the record follows the field: news in any order, unknown is not a value', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** The highest write position so far: every read waits for it (read-your-writes). */
  let position = 0;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
  });

  afterAll(async () => {
    await t.close();
  });

  async function write(path: string, body: Body): Promise<Body> {
    const response = await post(t.http, coordinator.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response.body as Body;
  }

  async function open(fullName: string, city?: string): Promise<string> {
    const detainee = city === undefined ? { fullName } : { fullName, city };
    return (await write('/v1/cases', { detainee, source: { kind: 'relative' } })).caseId as string;
  }

  async function read(path: string): Promise<Body> {
    const response: Response = await request(t.http)
      .get(path)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position));
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }

  it('records a release as the first news of a custody, and the detention learnt afterwards', async () => {
    const caseId = await open('Nurlan Release-First', 'Almaty');
    await write(`/v1/cases/${caseId}/release`, { grounds: 'charges_dropped', occurredAt: fromNow(-2 * DAY) });
    expect(await read(`/v1/cases/${caseId}`)).toMatchObject({ status: 'released' });

    // The arrest, three days before the release, is recorded only now: the person stays released.
    await write(`/v1/cases/${caseId}/detention`, { authority: 'police', occurredAt: fromNow(-5 * DAY) });
    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 'released' });
    expect(detail.detentions).toEqual([
      {
        occurredAt: expect.any(String),
        occurredAtPrecision: 'exact',
        occurredOn: null,
        city: null,
        place: null,
        authority: 'police',
      },
    ]);
  });

  it('records a release without grounds, and a house arrest as the first news', async () => {
    const released = await open('Aliya No-Grounds', 'Almaty');
    await write(`/v1/cases/${released}/release`, {});
    expect(await read(`/v1/cases/${released}`)).toMatchObject({ status: 'released' });

    const home = await open('Daulet House-First', 'Almaty');
    await write(`/v1/cases/${home}/release-to-house-arrest`, { until: fromNow(30 * DAY) });
    expect(await read(`/v1/cases/${home}`)).toMatchObject({ status: 'house_arrest' });
  });

  it('records an extension of pre-trial detention as the first news, when it says which measure it extends', async () => {
    const caseId = await open('Marat Extended-First', 'Almaty');
    const until = fromNow(60 * DAY);
    const unnamed = await post(t.http, coordinator.token, `/v1/cases/${caseId}/preventive-measures/extend`, { until });
    expectError(unnamed, 422, 'NO_ACTIVE_MEASURE');

    await write(`/v1/cases/${caseId}/preventive-measures/extend`, { until, measure: 'pretrial_detention' });
    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 'in_pretrial_detention', measure: { measure: 'pretrial_detention' } });
  });

  it('still refuses a second release at the very instant of a recorded one', async () => {
    const caseId = await open('Yerzhan Twice', 'Almaty');
    const occurredAt = fromNow(-DAY);
    await write(`/v1/cases/${caseId}/release`, { grounds: 'amnesty', occurredAt });
    const again = await post(t.http, coordinator.token, `/v1/cases/${caseId}/release`, { occurredAt });
    expectError(again, 422, 'ALREADY_RELEASED');
  });

  it('records a detention without place or city, read as null', async () => {
    const caseId = await open('Saule No-Place', 'Taraz');
    await write(`/v1/cases/${caseId}/detention`, { city: 'Taraz', authority: 'unknown' });
    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 'in_police_custody' });
    expect(detail.detentions).toEqual([
      {
        occurredAt: expect.any(String),
        occurredAtPrecision: 'exact',
        occurredOn: null,
        city: 'Taraz',
        place: null,
        authority: 'unknown',
      },
    ]);
  });

  it('records a transfer to a facility known by its code only, and refuses one with neither code nor name', async () => {
    const caseId = await open('Marat Code-Only', 'Shymkent');
    await write(`/v1/cases/${caseId}/transfers`, {
      facility: { code: 'SI-77', city: 'Shymkent', kind: 'pretrial_detention' },
    });
    expect(await read(`/v1/cases/${caseId}`)).toMatchObject({
      status: 'in_pretrial_detention',
      currentFacility: { code: 'SI-77', name: null, city: 'Shymkent', kind: 'pretrial_detention' },
    });
    const nameless = await post(t.http, coordinator.token, `/v1/cases/${caseId}/transfers`, {
      facility: { city: 'Shymkent', kind: 'pretrial_detention' },
    });
    expectValidation(nameless, 'facility.name');
  });

  it('records a charge without its article and an allegation without methods or consent', async () => {
    const caseId = await open('Gulnara No-Article', 'Aktobe');
    await write(`/v1/cases/${caseId}/charges`, { code: 'criminal', title: 'not told yet' });
    await write(`/v1/cases/${caseId}/torture-allegations`, { periodFrom: fromNow(-DAY) });
    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail.charges).toEqual([
      expect.objectContaining({ code: 'criminal', article: null, title: 'not told yet', status: 'active' }),
    ]);
    expect(detail.allegations).toEqual([expect.objectContaining({ methods: [], consent: 'internal_only' })]);
  });

  it('opens a case without a city: read as null, listed under no city, counted under no city', async () => {
    const caseId = await open('Bolat No-City');
    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail).toMatchObject({ caseId, city: null });

    const listed = (await read('/v1/cases?q=Bolat')) as { items: Body[] };
    expect(listed.items).toEqual([expect.objectContaining({ caseId, city: null })]);
    expect(((await read('/v1/cases?city=unknown')) as { total: number }).total).toBe(0);

    const stats = await read('/v1/stats');
    const cities = (stats.byCity as Array<{ city: unknown }>).map((entry) => entry.city);
    expect(cities).not.toContain(null);
    expect(cities.map((city) => String(city).toLowerCase())).not.toContain('unknown');
    const counted = (stats.byCity as Array<{ count: number }>).reduce((sum, entry) => sum + entry.count, 0);
    const all = Object.values(stats.byStatus as Record<string, number>).reduce((sum, count) => sum + count, 0);
    // Every case is in byStatus; only the one without a city is missing from byCity.
    expect(all - counted).toBe(1);
    // Neither does a charge without an article count as an article.
    const articles = (stats.byArticle as Array<{ article: unknown }>).map((entry) => entry.article);
    expect(articles).not.toContain(null);
  });

  it("counts two cities' facilities of the same name as two", async () => {
    const facility = (city: string): Body => ({
      facility: { name: 'Temporary detention facility', city, kind: 'temporary_detention' },
    });
    const [almaty, taraz, almatyToo] = await Promise.all([
      open('Asel Same-Name', 'Almaty'),
      open('Ruslan Same-Name', 'Taraz'),
      open('Timur Same-Name', 'Almaty'),
    ]);
    await write(`/v1/cases/${almaty}/transfers`, facility('Almaty'));
    await write(`/v1/cases/${taraz}/transfers`, facility('Taraz'));
    await write(`/v1/cases/${almatyToo}/transfers`, facility('Almaty'));

    const stats = await read('/v1/stats');
    const named = (stats.byFacility as Array<{ name: string | null }>).filter(
      (entry) => entry.name === 'Temporary detention facility',
    );
    expect(named).toEqual([
      {
        facility: 'Temporary detention facility',
        code: null,
        name: 'Temporary detention facility',
        city: 'Almaty',
        count: 2,
      },
      {
        facility: 'Temporary detention facility',
        code: null,
        name: 'Temporary detention facility',
        city: 'Taraz',
        count: 1,
      },
    ]);
    expect(stats.byFacility).toContainEqual({
      facility: 'SI-77',
      code: 'SI-77',
      name: null,
      city: 'Shymkent',
      count: 1,
    });
  });
});
