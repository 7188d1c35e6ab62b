import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectValidation, post } from '../support/e2e';

/**
 * GET /v1/stats over five visible cases and a merged duplicate, every figure counted by hand below. The readers'
 * time zone is Asia/Almaty (+06:00 in January 2022).
 *
 * | case | city    | first detention                         | status            | other                                 |
 * |------|---------|-----------------------------------------|-------------------|---------------------------------------|
 * | A    | Almaty  | 2022-01-05 10:00 +06:00, exact          | in_police_custody | lawyer L; IVS Almaty; 272; 2 allegations (beating+electric_shock, beating); complaint overdue; held 15 min, not heard, lawyer present; journalist |
 * | B    | Almaty  | 2022-01-08 00:30 +06:00, day (the 8th)  | deceased          | 272 + 488 + unknown article; allegation (beating, hooding); complaint refused; held 45 min heard+lawyer, held 30 min lawyer absent; journalist, activist; death in custody (torture, medical neglect) |
 * | C    | Taraz   | 2022-01-07 20:30 UTC, exact (8th 02:30) | deceased          | allegation without methods; death unknown (unknown) |
 * | D    | unknown | January 2022, month                     | in_police_custody | closed; IVS Taraz; 272 dropped; held, nothing else known |
 * | E    | Almaty  | 2022-01-06, exact                       | merged into B     | never counted (272, facility, held 100 min, allegation) |
 * | F    | Almaty  | none                                    | reported          | activist; a hearing scheduled, not held |
 */
describe('GET /v1/stats', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let otherLawyer: TestUser;
  let position = 0;

  async function write(token: string, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  async function open(token: string, fullName: string, city?: string): Promise<string> {
    const detainee = city === undefined ? { fullName } : { fullName, city };
    return (await write(token, '/v1/cases', { detainee, source: { kind: 'relative' } })).body.caseId as string;
  }

  async function heldHearing(token: string, caseId: string, outcome: Record<string, unknown>): Promise<void> {
    const scheduled = await write(token, `/v1/cases/${caseId}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almaly District Court',
      scheduledAt: '2022-01-10T10:00:00+06:00',
    });
    await write(token, `/v1/cases/${caseId}/hearings/${scheduled.body.hearingId as string}/outcome`, {
      outcome: 'detention ordered',
      ...outcome,
    });
  }

  function read(user: TestUser, query = ''): Promise<Response> {
    return request(t.http)
      .get(`/v1/stats${query}`)
      .set('Authorization', `Bearer ${user.token}`)
      .set('X-Min-Position', String(position));
  }

  async function stats(user: TestUser, query = ''): Promise<Record<string, unknown>> {
    const response = await read(user, query);
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  }

  const NONE = { held: 0, medianDurationMinutes: null, defendantHeardShare: null, lawyerPresentShare: null };
  const statuses = (counts: Record<string, number>): Record<string, number> => ({
    reported: 0,
    missing: 0,
    in_police_custody: 0,
    administrative_arrest: 0,
    in_pretrial_detention: 0,
    hospitalised: 0,
    house_arrest: 0,
    released: 0,
    imprisoned: 0,
    deceased: 0,
    ...counts,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, lawyer, otherLawyer] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'lawyer'),
    ]);
    const k = coordinator.token;

    const a = await open(lawyer.token, 'Aset Abenov', 'Almaty');
    const A = `/v1/cases/${a}`;
    await write(lawyer.token, `${A}/detention`, {
      city: 'Almaty',
      authority: 'police',
      occurredAt: '2022-01-05T10:00:00+06:00',
    });
    await write(lawyer.token, `${A}/transfers`, {
      facility: { name: 'IVS', city: 'Almaty', kind: 'temporary_detention' },
      occurredAt: '2022-01-05T14:00:00+06:00',
    });
    await write(lawyer.token, `${A}/charges`, { code: 'criminal', article: '272', title: 'Mass riots' });
    const allegation = await write(lawyer.token, `${A}/torture-allegations`, {
      periodFrom: '2022-01-05T12:00:00+06:00',
      methods: ['beating', 'electric_shock'],
      consent: 'full',
    });
    await write(lawyer.token, `${A}/torture-allegations`, {
      periodFrom: '2022-01-06T12:00:00+06:00',
      methods: ['beating'],
    });
    await write(lawyer.token, `${A}/complaints`, {
      allegationId: allegation.body.allegationId,
      filedWith: 'prosecutor',
      responseDueAt: '2022-02-01T00:00:00Z',
      occurredAt: '2022-01-20T10:00:00+06:00',
    });
    await heldHearing(lawyer.token, a, { durationMinutes: 15, defendantHeard: false, lawyerPresent: true });
    await write(lawyer.token, `${A}/identity`, { publicRoles: ['journalist'] });

    const b = await open(k, 'Bolat Bekov', 'Almaty');
    const B = `/v1/cases/${b}`;
    await write(k, `${B}/detention`, {
      authority: 'police',
      occurredAt: '2022-01-08T00:30:00+06:00',
      occurredAtPrecision: 'day',
    });
    await write(k, `${B}/charges`, { code: 'criminal', article: '272', title: 'Mass riots' });
    await write(k, `${B}/charges`, { code: 'administrative', article: '488' });
    await write(k, `${B}/charges`, { code: 'criminal' });
    await write(k, `${B}/torture-allegations`, {
      periodFrom: '2022-01-08T12:00:00+06:00',
      methods: ['beating', 'hooding'],
    });
    const complaint = await write(k, `${B}/complaints`, { filedWith: 'ombudsperson' });
    await write(k, `${B}/complaints/${complaint.body.complaintId as string}/response`, { outcome: 'refused' });
    await heldHearing(k, b, { durationMinutes: 45, defendantHeard: true, lawyerPresent: true });
    await heldHearing(k, b, { durationMinutes: 30, lawyerPresent: false });
    await write(k, `${B}/identity`, { publicRoles: ['journalist', 'activist'] });

    const c = await open(k, 'Chingiz Chokin', 'Taraz');
    const C = `/v1/cases/${c}`;
    await write(k, `${C}/detention`, { authority: 'police', occurredAt: '2022-01-07T20:30:00Z' });
    await write(k, `${C}/torture-allegations`, { periodFrom: '2022-01-08T03:00:00+06:00', methods: [] });
    await write(k, `${C}/death`, { circumstances: 'unknown', causes: ['unknown'] });

    const d = await open(k, 'Dana Dosova');
    const D = `/v1/cases/${d}`;
    await write(k, `${D}/detention`, {
      authority: 'police',
      occurredAt: '2022-01-15T12:00:00+06:00',
      occurredAtPrecision: 'month',
    });
    await write(k, `${D}/transfers`, { facility: { name: 'IVS', city: 'Taraz', kind: 'temporary_detention' } });
    const dropped = await write(k, `${D}/charges`, { code: 'criminal', article: '272', title: 'Mass riots' });
    await write(k, `${D}/charges/${dropped.body.chargeId as string}/drop`, { reason: 'no evidence' });
    await heldHearing(k, d, {});
    await write(k, `${D}/close`, { reason: 'family asked' });

    const e = await open(k, 'Bolat Bekov (duplicate)', 'Almaty');
    const E = `/v1/cases/${e}`;
    await write(k, `${E}/detention`, { authority: 'police', occurredAt: '2022-01-06T10:00:00+06:00' });
    await write(k, `${E}/transfers`, { facility: { code: 'E-1', city: 'Almaty', kind: 'police_station' } });
    await write(k, `${E}/charges`, { code: 'criminal', article: '405' });
    await write(k, `${E}/torture-allegations`, { periodFrom: '2022-01-06T12:00:00+06:00', methods: ['burns'] });
    await heldHearing(k, e, { durationMinutes: 100, defendantHeard: true, lawyerPresent: true });
    await write(k, `${E}/merge`, { intoCaseId: b, reason: 'the same person' });

    // Recorded last on B: nothing is accepted after a death.
    await write(k, `${B}/death`, { circumstances: 'in_custody', causes: ['torture', 'medical_neglect'] });

    const f = await open(k, 'Farida Fazylova', 'Almaty');
    await write(k, `/v1/cases/${f}/identity`, { publicRoles: ['activist'] });
    await write(k, `/v1/cases/${f}/hearings`, {
      kind: 'trial',
      court: 'Almaty City Court',
      scheduledAt: '2030-01-10T10:00:00+06:00',
    });
  });

  afterAll(() => t.close());

  it('counts every breakdown over the visible cases, merged duplicates never, unknown values under none', async () => {
    expect(await stats(coordinator)).toEqual({
      byStatus: statuses({ in_police_custody: 2, deceased: 2, reported: 1 }),
      byCity: [
        { city: 'Almaty', count: 3 },
        { city: 'Taraz', count: 1 },
      ],
      byArticle: [
        { article: '272', title: 'Mass riots', count: 2 },
        { article: '488', title: null, count: 1 },
      ],
      byFacility: [
        { facility: 'IVS', code: null, name: 'IVS', city: 'Almaty', count: 1 },
        { facility: 'IVS', code: null, name: 'IVS', city: 'Taraz', count: 1 },
      ],
      byPublicRole: [
        { publicRole: 'activist', count: 2 },
        { publicRole: 'journalist', count: 2 },
      ],
      byTortureMethod: [
        { method: 'beating', count: 2 },
        { method: 'electric_shock', count: 1 },
        { method: 'hooding', count: 1 },
      ],
      deathsByCircumstance: [{ circumstances: 'in_custody', count: 1 }],
      deathsByCause: [
        { cause: 'medical_neglect', count: 1 },
        { cause: 'torture', count: 1 },
      ],
      tortureAllegations: 4,
      complaints: { filed: 2, investigationOpened: 0, refused: 1, awaiting: 1, overdue: 1 },
      deaths: 2,
      // Held: A (15, not heard, present), B (45, heard, present), B (30, ?, absent), D (?, ?, ?).
      hearings: { held: 4, medianDurationMinutes: 30, defendantHeardShare: 0.5, lawyerPresentShare: 2 / 3 },
    });
  });

  it('counts by the day of the first detention: the writer’s day when known to the day, else the reader’s', async () => {
    // B on the 8th as written; C at 20:30 UTC on the 7th is 02:30 on the 8th in Almaty.
    const eighth = await stats(coordinator, '?from=2022-01-08&to=2022-01-08');
    expect(eighth).toMatchObject({
      byStatus: statuses({ deceased: 2 }),
      byCity: [
        { city: 'Almaty', count: 1 },
        { city: 'Taraz', count: 1 },
      ],
      byArticle: [
        { article: '272', title: 'Mass riots', count: 1 },
        { article: '488', title: null, count: 1 },
      ],
      byFacility: [],
      byTortureMethod: [
        { method: 'beating', count: 1 },
        { method: 'hooding', count: 1 },
      ],
      tortureAllegations: 2,
      deaths: 2,
      complaints: { filed: 1, investigationOpened: 0, refused: 1, awaiting: 0, overdue: 0 },
      hearings: { held: 2, medianDurationMinutes: 37.5, defendantHeardShare: 1, lawyerPresentShare: 0.5 },
    });
    // Up to the 7th: only A (the 5th); C is not on the 7th for this reader, D's month is not inside.
    const toSeventh = await stats(coordinator, '?to=2022-01-07');
    expect(toSeventh).toMatchObject({
      byStatus: statuses({ in_police_custody: 1 }),
      byCity: [{ city: 'Almaty', count: 1 }],
    });
    // All of January holds D's month too; F (no detention recorded) is in no period.
    const january = await stats(coordinator, '?from=2022-01-01&to=2022-01-31');
    expect(january).toMatchObject({
      byStatus: statuses({ in_police_custody: 2, deceased: 2 }),
      byPublicRole: [
        { publicRole: 'journalist', count: 2 },
        { publicRole: 'activist', count: 1 },
      ],
      hearings: { held: 4, medianDurationMinutes: 30 },
    });
    // From the 9th: nobody's first detention (D's month began before).
    expect(await stats(coordinator, '?from=2022-01-09')).toMatchObject({
      byStatus: statuses({}),
      byCity: [],
      deaths: 0,
      tortureAllegations: 0,
      hearings: NONE,
    });
  });

  it('filters by city (case-insensitive) and by closed', async () => {
    expect(await stats(coordinator, '?city=taraz')).toMatchObject({
      byStatus: statuses({ deceased: 1 }),
      byCity: [{ city: 'Taraz', count: 1 }],
      deathsByCircumstance: [],
      deathsByCause: [],
      deaths: 1,
      tortureAllegations: 1,
    });
    expect(await stats(coordinator, '?closed=true')).toMatchObject({
      byStatus: statuses({ in_police_custody: 1 }),
      byCity: [],
      byArticle: [],
      byFacility: [{ facility: 'IVS', code: null, name: 'IVS', city: 'Taraz', count: 1 }],
      hearings: { held: 1, medianDurationMinutes: null, defendantHeardShare: null, lawyerPresentShare: null },
    });
    expect(await stats(coordinator, '?closed=false&city=Almaty&from=2022-01-01')).toMatchObject({
      byStatus: statuses({ in_police_custody: 1, deceased: 1 }),
      byCity: [{ city: 'Almaty', count: 2 }],
    });
  });

  it('counts only what the caller may see: a lawyer their own cases', async () => {
    expect(await stats(lawyer)).toEqual({
      byStatus: statuses({ in_police_custody: 1 }),
      byCity: [{ city: 'Almaty', count: 1 }],
      byArticle: [{ article: '272', title: 'Mass riots', count: 1 }],
      byFacility: [{ facility: 'IVS', code: null, name: 'IVS', city: 'Almaty', count: 1 }],
      byPublicRole: [{ publicRole: 'journalist', count: 1 }],
      byTortureMethod: [
        { method: 'beating', count: 1 },
        { method: 'electric_shock', count: 1 },
      ],
      deathsByCircumstance: [],
      deathsByCause: [],
      tortureAllegations: 2,
      complaints: { filed: 1, investigationOpened: 0, refused: 0, awaiting: 1, overdue: 1 },
      deaths: 0,
      hearings: { held: 1, medianDurationMinutes: 15, defendantHeardShare: 0, lawyerPresentShare: 1 },
    });
    expect(await stats(otherLawyer, '?from=2022-01-01')).toEqual({
      byStatus: statuses({}),
      byCity: [],
      byArticle: [],
      byFacility: [],
      byPublicRole: [],
      byTortureMethod: [],
      deathsByCircumstance: [],
      deathsByCause: [],
      tortureAllegations: 0,
      complaints: { filed: 0, investigationOpened: 0, refused: 0, awaiting: 0, overdue: 0 },
      deaths: 0,
      hearings: NONE,
    });
  });

  it.each([
    ['?from=', 'from'],
    ['?from=2022-13-01', 'from'],
    ['?to=2022-02-30', 'to'],
    ['?from=08.01.2022', 'from'],
    ['?from=2022-01-09&to=2022-01-08', 'to'],
    ['?closed=maybe', 'closed'],
    ['?period=january', 'period'],
  ])('refuses %s with 400', async (query, field) => {
    const response = await read(coordinator, query);
    expectValidation(response, field);
  });
});
