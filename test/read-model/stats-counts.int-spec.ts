import { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@casetrack/event-store';
import { GetStatsHandler, type StatsFilters, type Viewer } from '@casetrack/read-model';
import { statsOf } from '../../libs/read-model/src/queries/stats-figures';
import { rebuildReadModels } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { createUser, startTestApp, type TestApp } from '../support/test-app';
import { DAY, fromNow, post } from '../support/e2e';

/**
 * The statistics added up from `case_counts` equal those computed from the cases, over varied cases (every
 * precision of detention, near the ends of days in several zones; cities spelled in several cases; facilities of one
 * name in two cities; closed, merged and erased cases; hearings, complaints due before and after now, deaths), for
 * every combination of zone, period, city and closed state. The counts are those the live projector moved case by
 * case, story after story, merges and erasures included.
 */
describe('statistics from the kept counts equal those computed from the cases', () => {
  let t: TestApp;
  let handler: GetStatsHandler;
  let dataSource: DataSource;
  const coordinator: Viewer = { id: '00000000-0000-4000-8000-000000000001', role: 'coordinator' };
  let token = '';
  let position = 0;
  const ids: string[] = [];
  let seed = 20_220_105;

  /** A small deterministic generator, so that a failure can be replayed. */
  function pick<T>(values: readonly T[]): T {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return values[seed % values.length];
  }

  async function write(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response.body as Record<string, unknown>;
  }

  const CITIES = ['Almaty', 'almaty', 'ALMATY ', 'Taraz', 'Шымкент', 'шымкент', undefined];
  /** Instants near the ends of days in UTC, Asia/Almaty (+05/+06) and America/New_York (-05/-04). */
  const INSTANTS = [
    '2022-01-05T10:00:00Z',
    '2022-01-07T18:59:00Z',
    '2022-01-07T19:00:00Z',
    '2022-01-07T23:59:59Z',
    '2022-01-08T00:00:00Z',
    '2022-01-08T04:30:00Z',
    '2022-01-08T05:00:00Z',
    '2022-01-31T18:00:00Z',
    '2022-02-01T00:30:00Z',
    '2022-03-13T07:00:00Z',
    '2022-03-14T03:59:00Z',
    '2022-03-14T04:00:00Z',
  ];
  const PRECISIONS = ['exact', 'approximate', 'day', 'month', 'year', 'unknown', 'exact', 'day', 'none'];

  async function story(n: number): Promise<string> {
    const city = pick(CITIES);
    const detainee = city === undefined ? { fullName: `Case ${n}` } : { fullName: `Case ${n}`, city };
    const id = (await write('/v1/cases', { detainee, source: { kind: 'relative' } })).caseId as string;
    const at = (path: string): string => `/v1/cases/${id}${path}`;
    const precision = pick(PRECISIONS);
    if (precision === 'unknown') {
      await write(at('/detention'), { authority: 'police', occurredAtPrecision: 'unknown' });
    } else if (precision !== 'none') {
      const occurredAt = pick(INSTANTS);
      await write(at('/detention'), { authority: 'police', occurredAt, occurredAtPrecision: precision });
    }
    if (n % 3 !== 2) {
      const facility = pick([
        { name: 'IVS', city: 'Almaty', kind: 'temporary_detention' },
        { name: 'ivs', city: 'almaty', kind: 'temporary_detention' },
        { name: 'IVS', city: 'Taraz', kind: 'temporary_detention' },
        { code: 'SIZO-1', city: 'Almaty', kind: 'pretrial_detention_center' },
      ]);
      await write(at('/transfers'), { facility, occurredAt: '2022-03-20T10:00:00Z' });
    }
    const article = pick(['272', '274', '405']);
    const charge = await write(at('/charges'), { code: 'criminal', article, title: pick(['Mass riots', 'Riots']) });
    if (n % 5 === 0) await write(at('/charges'), { code: 'administrative', article: '488' });
    if (n % 7 === 3) await write(at(`/charges/${charge.chargeId as string}/drop`), { reason: 'no evidence' });
    const allegation = await write(at('/torture-allegations'), {
      periodFrom: '2022-03-20T12:00:00Z',
      methods: pick([['beating'], ['beating', 'hooding'], [], ['electric_shock', 'beating']]),
    });
    if (n % 2 === 0) {
      const complaint = await write(at('/complaints'), {
        allegationId: allegation.allegationId,
        filedWith: 'prosecutor',
        responseDueAt: pick(['2022-04-01T00:00:00Z', fromNow(30 * DAY)]),
        occurredAt: '2022-03-21T10:00:00Z',
      });
      const outcome = pick([null, 'refused', 'investigation_opened']);
      if (outcome !== null) {
        await write(at(`/complaints/${complaint.complaintId as string}/response`), { outcome });
      }
    }
    for (let h = 0; h < n % 3; h++) {
      const hearing = await write(at('/hearings'), {
        kind: 'preventive_measure',
        court: 'Almaly District Court',
        scheduledAt: '2022-03-22T10:00:00+06:00',
      });
      const outcome = pick([
        { durationMinutes: 15, defendantHeard: false, lawyerPresent: true },
        { durationMinutes: 45, defendantHeard: true },
        { durationMinutes: 30, lawyerPresent: false },
        {},
      ]);
      await write(at(`/hearings/${hearing.hearingId as string}/outcome`), { outcome: 'detention ordered', ...outcome });
    }
    if (n % 4 === 1) await write(at('/identity'), { publicRoles: pick([['journalist'], ['activist', 'blogger']]) });
    if (n % 6 === 5) await write(at('/close'), { reason: 'family asked' });
    else if (n % 9 === 4) {
      await write(at('/death'), {
        circumstances: pick(['in_custody', 'shot', 'unknown']),
        causes: pick([['torture', 'medical_neglect'], ['unknown'], []]),
      });
    }
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    token = (await createUser(t.http, 'coordinator')).token;
    for (let n = 0; n < 40; n++) ids.push(await story(n));
    await write(`/v1/cases/${ids[10]}/merge`, { intoCaseId: ids[11], reason: 'the same person' });
    await write(`/v1/cases/${ids[20]}/merge`, { intoCaseId: ids[13], reason: 'the same person' });
    await write(`/v1/cases/${ids[21]}/erase`, { reason: 'the family asked' });
    await write(`/v1/cases/${ids[20]}/erase`, { reason: 'the family asked' });
    // Changes after the first projection of a case: the counts move from its old row to its new one.
    await write(`/v1/cases/${ids[0]}/identity`, { city: 'Taraz', publicRoles: ['lawyer'] });
    await write(`/v1/cases/${ids[3]}/close`, { reason: 'family asked' });
    dataSource = t.app.get(DataSource);
    handler = new GetStatsHandler(dataSource);
    await caughtUp();
  });

  /** Answers once the read models include every write so far. */
  async function caughtUp(): Promise<void> {
    await request(t.http)
      .get('/v1/stats')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Min-Position', String(position))
      .expect(200);
  }

  afterAll(() => t.close());

  async function both(filters: StatsFilters): Promise<{ counted: unknown; scanned: unknown }> {
    const counted = await handler.counted(coordinator, filters);
    const scanned = await handler.scanned(coordinator, filters);
    return { counted: counted === null ? null : statsOf(counted), scanned: statsOf(scanned) };
  }

  const PERIODS: Array<Pick<StatsFilters, 'from' | 'to'>> = [
    {},
    { from: '2022-01-08' },
    { to: '2022-01-07' },
    { from: '2022-01-08', to: '2022-01-08' },
    { from: '2022-01-01', to: '2022-01-31' },
    { from: '2022-01-05', to: '2022-02-01' },
    { from: '2022-03-13', to: '2022-03-14' },
    { from: '2022-01-01', to: '2022-12-31' },
    { from: '2021-12-31', to: '2022-01-01' },
  ];
  const ZONES = ['UTC', 'Asia/Almaty', 'America/New_York', 'Europe/Moscow'];
  const SCOPES: Array<Pick<StatsFilters, 'city' | 'closed'>> = [
    {},
    { city: 'almaty' },
    { city: ' ШЫМКЕНТ ' },
    { closed: true },
    { closed: false, city: 'Taraz' },
  ];

  it.each(ZONES)('in %s, for every period, city and closed state', async (timeZone) => {
    for (const period of PERIODS) {
      for (const scope of SCOPES) {
        const filters = { timeZone, ...period, ...scope };
        const { counted, scanned } = await both(filters);
        expect({ filters, stats: counted }).toEqual({ filters, stats: scanned });
      }
    }
  });

  it('counts what the cases hold: every case not merged, no empty count kept, nothing quarantined', async () => {
    expect(await dataSource.query(`SELECT case_id FROM read_model.quarantine`)).toEqual([]);
    const { counted } = await both({});
    const [{ cases }] = (await dataSource.query(
      `SELECT count(*)::int AS cases FROM read_model.cases WHERE merged_into IS NULL`,
    )) as Array<{ cases: number }>;
    const byStatus = (counted as { byStatus: Record<string, number> }).byStatus;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(cases);
    expect(cases).toBeGreaterThan(30);
    const [{ empty }] = (await dataSource.query(
      `SELECT count(*)::int AS empty FROM read_model.case_counts WHERE n <= 0`,
    )) as Array<{ empty: number }>;
    expect(empty).toBe(0);
  });

  it('stays equal once a rebuild has counted the cases at once and the live projector writes on', async () => {
    const counts = async (): Promise<unknown[]> =>
      dataSource.query(`SELECT to_jsonb(t) AS row FROM read_model.case_counts t ORDER BY to_jsonb(t)::text`);
    const before = await counts();
    const pool = new Pool({ connectionString: t.database.url, max: 4 });
    try {
      const quiet = { write: (): boolean => true, isTTY: false };
      await rebuildReadModels(pool, t.app.get<EventStore>(EVENT_STORE), { progress: quiet });
    } finally {
      await pool.end();
    }
    expect(await counts()).toEqual(before);
    // Counted by the swapped-in tables' own triggers.
    await write(`/v1/cases/${ids[1]}/identity`, { city: 'Шымкент', publicRoles: ['blogger'] });
    await write(`/v1/cases/${ids[2]}/close`, { reason: 'family asked' });
    await write(`/v1/cases/${ids[7]}/merge`, { intoCaseId: ids[8], reason: 'the same person' });
    await caughtUp();
    // Written, not quarantined: the counting triggers of the swapped-in tables work.
    const closed = (await dataSource.query(`SELECT closed FROM read_model.cases WHERE case_id = $1`, [
      ids[2],
    ])) as Array<{
      closed: boolean;
    }>;
    expect(closed).toEqual([{ closed: true }]);
    expect(await dataSource.query(`SELECT case_id FROM read_model.quarantine`)).toEqual([]);
    for (const period of PERIODS) {
      const filters = { timeZone: 'Asia/Almaty', ...period };
      const { counted, scanned } = await both(filters);
      expect({ filters, stats: counted }).toEqual({ filters, stats: scanned });
    }
  });

  it('leaves a zone whose day does not begin on a whole hour to the cases', async () => {
    for (const timeZone of ['Asia/Kolkata', 'Asia/Kathmandu']) {
      expect(await handler.counted(coordinator, { timeZone, from: '2022-01-08', to: '2022-01-31' })).toBeNull();
    }
    // Without a period the zone plays no part.
    expect(await handler.counted(coordinator, { timeZone: 'Asia/Kolkata' })).not.toBeNull();
  });

  it('leaves a lawyer, who may see only their cases, to the cases', async () => {
    expect(await handler.counted({ id: coordinator.id, role: 'lawyer' }, {})).toBeNull();
  });
});
