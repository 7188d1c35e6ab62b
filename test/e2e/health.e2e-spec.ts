import { Pool } from 'pg';
import request from 'supertest';
import { ADMIN, createUser, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { openCaseBody, post } from '../support/e2e';

const CHECKS = ['database', 'eventStore', 'projector', 'redis'];

/** The public body: an overall status and one status per check, nothing else. */
function expectStatusesOnly(body: Record<string, unknown>): void {
  expect(Object.keys(body).sort()).toEqual(['checks', 'status']);
  const checks = body.checks as Record<string, Record<string, unknown>>;
  expect(Object.keys(checks).sort()).toEqual(CHECKS);
  for (const check of Object.values(checks)) expect(Object.keys(check)).toEqual(['status']);
}

describe('/health tells the truth without telling secrets', () => {
  describe('with the projector running', () => {
    let t: TestApp;
    let pool: Pool;
    let adminToken: string;
    let coordinator: TestUser;

    beforeAll(async () => {
      t = await startTestApp();
      pool = new Pool({ connectionString: t.database.url, max: 2 });
      adminToken = await login(t.http, ADMIN.email, ADMIN.password);
      coordinator = await createUser(t.http, 'coordinator');
    });
    afterAll(async () => {
      await pool.end();
      await t.close();
    });

    it('gives anyone statuses only, and a signed-in non-admin no more', async () => {
      for (const token of [null, coordinator.token]) {
        const call = request(t.http).get('/health');
        const response = token === null ? await call : await call.set('Authorization', `Bearer ${token}`);
        expect(response.status).toBe(200);
        expect(response.body.status).toBe('ok');
        expectStatusesOnly(response.body);
      }
    });

    it('gives a signed-in admin latencies and the projector lag', async () => {
      const response = await request(t.http).get('/health').set('Authorization', `Bearer ${adminToken}`);
      expect(response.body).toMatchObject({
        status: 'ok',
        reasons: [],
        checks: { database: { status: 'up' }, projector: { status: 'up', lag: { quarantined: 0 } } },
      });
      expect(typeof response.body.checks.database.latencyMs).toBe('number');
    });

    it('is degraded while events are quarantined, and /metrics counts them', async () => {
      const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody());
      expect(opened.status).toBe(201);
      // Once projected: a batch that projects the case clears its quarantine, as a fixed projection does.
      const projected = await request(t.http)
        .get(`/v1/cases/${opened.body.caseId}`)
        .set('Authorization', `Bearer ${coordinator.token}`)
        .set('X-Min-Position', String(opened.body.position));
      expect(projected.status).toBe(200);
      await pool.query(
        `INSERT INTO read_model.quarantine (case_id, version, position, event_type, reason)
         VALUES ($1, 1, $2, 'CaseOpened', 'error 22021')`,
        [opened.body.caseId, opened.body.position],
      );
      try {
        const open = await request(t.http).get('/health');
        expect(open.status).toBe(200);
        expect(open.body.status).toBe('degraded');
        expect(open.body.checks.projector).toEqual({ status: 'degraded' });
        const detailed = await request(t.http).get('/health').set('Authorization', `Bearer ${adminToken}`);
        expect(detailed.body.reasons).toEqual(['EVENTS_QUARANTINED']);
        expect(detailed.body.checks.projector.lag.quarantined).toBe(1);
        const metrics = await request(t.http).get('/metrics').set('Authorization', `Bearer ${adminToken}`);
        expect(metrics.text).toMatch(/^casetrack_projector_quarantined_cases 1$/m);
      } finally {
        await pool.query(`DELETE FROM read_model.quarantine`);
      }
      expect((await request(t.http).get('/health')).body.status).toBe('ok');
    });
  });

  describe('with the projector stopped and Redis unreachable', () => {
    let t: TestApp;

    beforeAll(async () => {
      // Nothing listens on port 1; the API role alone does not wait for Redis at start.
      t = await startTestApp({ ROLES: 'api', HEALTH_LAG_SECONDS: '1', REDIS_URL: 'redis://127.0.0.1:1' });
    });
    afterAll(async () => {
      await t.close();
    });

    it('says degraded once the lag passes the threshold, names no host or port, and tells an admin why', async () => {
      const coordinator = await createUser(t.http, 'coordinator');
      expect((await post(t.http, coordinator.token, '/v1/cases', openCaseBody())).status).toBe(201);
      const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
      let detailed = await request(t.http).get('/health').set('Authorization', `Bearer ${adminToken}`);
      for (const deadline = Date.now() + 10_000; !detailed.body.reasons.includes('PROJECTOR_LAGGING');) {
        if (Date.now() > deadline) throw new Error(`never lagging: ${JSON.stringify(detailed.body)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        detailed = await request(t.http).get('/health').set('Authorization', `Bearer ${adminToken}`);
      }
      expect(detailed.body.reasons).toEqual(['REDIS_DOWN', 'PROJECTOR_LAGGING']);
      expect(detailed.body.checks.redis.error).toBeDefined();

      const open = await request(t.http).get('/health');
      expect(open.status).toBe(200);
      expect(open.body).toEqual({
        status: 'degraded',
        checks: {
          database: { status: 'up' },
          eventStore: { status: 'up' },
          redis: { status: 'down' },
          projector: { status: 'degraded' },
        },
      });
      expect(open.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:1\b/);
    });
  });
});
