import { Pool } from 'pg';
import request, { type Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';

const MANY = 1_200;
const OSKEMEN = 300;

/**
 * The list's total past 1,000 matches: the planner's estimate, flagged, never below 1,001; at or under 1,000, exact.
 * The rows are written straight into the read model (as a rebuild would leave them), so that no test has to record
 * over a thousand cases through the API; the statistics count the same rows exactly.
 */
describe('GET /v1/cases: the total past a thousand cases', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    const pool = new Pool({ connectionString: t.database.url, max: 1 });
    try {
      await pool.query(
        `INSERT INTO read_model.cases (case_id, full_name, name_variants, name_keys, city, status, closed, articles,
                                       charges, lawyer_ids, lawyers, open_complaints, torture_allegations, deceased,
                                       vulnerabilities, public_roles, version, last_recorded_at, detail)
         SELECT gen_random_uuid(), 'Person ' || i, '{}', 'person ' || i,
                CASE WHEN i <= $2 THEN 'Oskemen' ELSE 'Almaty' END, 'reported', false, '{}', '[]', '{}', '[]', 0, 0,
                false, '{}', '{}', 1, now() - i * interval '1 minute', '{}'
           FROM generate_series(1, $1::int) AS i`,
        [MANY, OSKEMEN],
      );
      await pool.query('ANALYZE read_model.cases');
    } finally {
      await pool.end();
    }
  });

  afterAll(() => t.close());

  const read = (path: string): Promise<Response> =>
    request(t.http).get(path).set('Authorization', `Bearer ${coordinator.token}`);

  it('estimates past 1,000 matches and says so', async () => {
    const response = await read('/v1/cases?pageSize=5');
    expect(response.status).toBe(200);
    expect(response.body.totalIsEstimate).toBe(true);
    expect(response.body.total).toBeGreaterThanOrEqual(1_001);
    expect(response.body.items).toHaveLength(5);
  });

  it('counts exactly at or under 1,000 matches', async () => {
    const response = await read('/v1/cases?city=oskemen&pageSize=5');
    expect(response.body).toMatchObject({ total: OSKEMEN, totalIsEstimate: false });
  });

  it('keeps the statistics exact whatever their size', async () => {
    const stats = await read('/v1/stats');
    expect(stats.body.byCity).toEqual([
      { city: 'Almaty', count: MANY - OSKEMEN },
      { city: 'Oskemen', count: OSKEMEN },
    ]);
  });
});
