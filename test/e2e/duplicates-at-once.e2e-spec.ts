import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { post } from '../support/e2e';

/** Five people, each reported twice: once in Latin letters, once in Cyrillic or another spelling. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['Arman Zholatov', 'Жолатов Арман'],
  ['Aigerim Ivanova', 'Айгерим Иванова'],
  ['Yerlan Tokayev', 'Ерлан Токаев'],
  ['Daulet Sadykov', 'Даулет Садыков'],
  ['Nurlan Hasenov', 'Нурлан Хасенов'],
];

/**
 * `possibleDuplicates` considers every case recorded before the answer, including one opened a moment earlier:
 * with the projector stopped (nothing reaches the read models) and running (a case may be in either place).
 */
describe.each([
  ['stopped', { ROLES: 'api' }],
  ['running', {}],
])('duplicates at once, projector %s', (projector, env: Record<string, string>) => {
  let t: TestApp;
  let db: Pool;
  let coordinator: TestUser;
  let lawyerA: TestUser;
  let lawyerB: TestUser;

  /** A city of its own per test, so that no other test's cases are candidates. */
  const freshCity = (): string => `City ${randomBytes(4).toString('hex')}`;

  async function open(user: TestUser, fullName: string, city: string): Promise<Response> {
    const body = { detainee: { fullName, city }, source: { kind: 'relative' } };
    const response = await post(t.http, user.token, '/v1/cases', body);
    if (response.status !== 201) throw new Error(`open: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  const idOf = (response: Response): string => response.body.caseId as string;
  const foundIds = (response: Response): string[] =>
    (response.body.possibleDuplicates as Array<{ caseId: string }>).map((d) => d.caseId);

  async function openedNamesOf(caseId: string): Promise<number> {
    const { rows } = await db.query(`SELECT 1 FROM public.opened_case_names WHERE case_id = $1`, [caseId]);
    return rows.length;
  }

  /** The API answers a read with X-Min-Position once the projector has reached that position. */
  async function projected(position: number): Promise<void> {
    await request(t.http)
      .get('/v1/cases')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position))
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp(env);
    db = new Pool({ connectionString: t.database.url, max: 2 });
    [coordinator, lawyerA, lawyerB] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'lawyer'),
    ]);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('finds the first of each of 5 pairs opened back to back', async () => {
    for (const [first, second] of PAIRS) {
      const city = freshCity();
      const earlier = await open(coordinator, first, city);
      const later = await open(coordinator, second, city);
      expect(foundIds(later)).toEqual([idOf(earlier)]);
      expect(foundIds(earlier)).toEqual([]);
    }
  });

  it('of 5 pairs opened at the same instant by two coordinators, at least one side of each finds the other', async () => {
    const other = await createUser(t.http, 'coordinator');
    for (const [first, second] of PAIRS) {
      const city = freshCity();
      const [a, b] = await Promise.all([open(coordinator, first, city), open(other, second, city)]);
      expect(foundIds(a).includes(idOf(b)) || foundIds(b).includes(idOf(a))).toBe(true);
      // And any case opened after both answers finds both.
      expect(foundIds(await open(coordinator, first, city)).sort()).toEqual([idOf(a), idOf(b)].sort());
    }
  });

  it('with 8 writers at once, of every two cases at least one lists the other', async () => {
    const city = freshCity();
    const answers = await Promise.all(Array.from({ length: 8 }, () => open(coordinator, 'Asel Nurpeisova', city)));
    for (const [i, a] of answers.entries()) {
      for (const b of answers.slice(i + 1)) {
        expect(foundIds(a).includes(idOf(b)) || foundIds(b).includes(idOf(a))).toBe(true);
      }
    }
  });

  it('shows a lawyer only the just-opened cases they may see', async () => {
    const city = freshCity();
    const lawyersOwn = await open(lawyerA, 'Aigerim Ivanova', city);
    const coordinators = await open(coordinator, 'Айгерим Иванова', city);

    expect(foundIds(await open(lawyerB, 'Aygerim Ivanova', city))).toEqual([]);
    expect(foundIds(await open(lawyerA, 'Aygerim Ivanova', city))).toEqual([idOf(lawyersOwn)]);
    expect(foundIds(await open(coordinator, 'Иванова Айгерим', city))).toEqual(
      expect.arrayContaining([idOf(lawyersOwn), idOf(coordinators)]),
    );
  });

  it('hides a just-opened case from the lawyer as soon as they are unassigned from it', async () => {
    const city = freshCity();
    const theirs = await open(lawyerA, 'Marat Zhunusov', city);
    const unassign = await post(t.http, coordinator.token, `/v1/cases/${idOf(theirs)}/lawyers/${lawyerA.id}/unassign`, {
      reason: 'conflict of interest',
    });
    expect(unassign.status).toBe(201);

    expect(foundIds(await open(lawyerA, 'Марат Жунусов', city))).toEqual([]);
    expect(foundIds(await open(coordinator, 'Марат Жунусов', city))).toContain(idOf(theirs));
  });

  it('forgets the names of an erased case at once', async () => {
    const city = freshCity();
    const erased = await open(coordinator, 'Bolat Kenzhebayev', city);
    expect(foundIds(await open(coordinator, 'Bolat Kenzhebaev', city))).toContain(idOf(erased));
    const erase = await post(t.http, coordinator.token, `/v1/cases/${idOf(erased)}/erase`, { reason: 'request' });
    expect(erase.status).toBe(201);
    // A projected row reads as erased once the projector has the erasure (it may hold the case already).
    if (projector === 'running') await projected(erase.body.position as number);

    expect(await openedNamesOf(idOf(erased))).toBe(0);
    expect(foundIds(await open(coordinator, 'Болат Кенжебаев', city))).not.toContain(idOf(erased));
  });

  it('finds a case at once by a spelling added or a name corrected a moment earlier', async () => {
    for (const [path, body] of [
      ['name-variants', { variants: ['Bakhyt Zhumabekov'] }],
      ['identity', { fullName: 'Bakhyt Zhumabekov' }],
    ] as const) {
      const city = freshCity();
      const opened = await open(coordinator, 'Timur Ospanov', city);
      // Running, the projected row is there and older than the new spelling: the newer names must win.
      if (projector === 'running') await projected(opened.body.position as number);
      const renamed = await post(t.http, coordinator.token, `/v1/cases/${idOf(opened)}/${path}`, body);
      expect(renamed.status).toBe(201);

      expect(foundIds(await open(coordinator, 'Бахыт Жумабеков', city))).toEqual([idOf(opened)]);
    }
  });

  if (projector === 'stopped') {
    it('keeps the names of a case the projector has not reached', async () => {
      const opened = await open(coordinator, 'Serik Abenov', freshCity());
      expect(await openedNamesOf(idOf(opened))).toBe(1);
    });

    it('records the names on the retry of a request that died between the append and its answer', async () => {
      const city = freshCity();
      const key = { 'Idempotency-Key': `dies-${randomBytes(4).toString('hex')}` };
      const body = { detainee: { fullName: 'Gulnar Omarova', city }, source: { kind: 'relative' } };
      const first = await post(t.http, coordinator.token, '/v1/cases', body, key);
      expect(first.status).toBe(201);
      // As if the process had died after the append: neither the stored answer nor the names are there.
      await db.query(`DELETE FROM idempotency_keys WHERE user_id = $1`, [coordinator.id]);
      await db.query(`DELETE FROM public.opened_case_names WHERE case_id = $1`, [idOf(first)]);

      const retry = await post(t.http, coordinator.token, '/v1/cases', body, key);
      expect(idOf(retry)).toBe(idOf(first));
      expect(await openedNamesOf(idOf(first))).toBe(1);
      expect(foundIds(await open(coordinator, 'Гульнар Омарова', city))).toEqual([idOf(first)]);
    });
  } else {
    it('lets the names go once the case is projected, and still finds it', async () => {
      const city = freshCity();
      const opened = await open(coordinator, 'Serik Abenov', city);
      await projected(opened.body.position as number);
      expect(await openedNamesOf(idOf(opened))).toBe(0);
      expect(foundIds(await open(coordinator, 'Серик Абенов', city))).toEqual([idOf(opened)]);
    });
  }
});
