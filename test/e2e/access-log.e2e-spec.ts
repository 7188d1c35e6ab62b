import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectError, get, post } from '../support/e2e';

describe('case access log', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let auditor: TestUser;
  let lawyer: TestUser;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    auditor = await createUser(t.http, 'auditor');
    lawyer = await createUser(t.http, 'lawyer');
    const opened = await post(t.http, lawyer.token, '/v1/cases', {
      detainee: { fullName: 'Access Logged', city: 'Almaty' },
      source: { kind: 'lawyer' },
    });
    caseId = opened.body.caseId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records who read which part of a case, newest first', async () => {
    expect((await get(t.http, auditor.token, `/v1/cases/${caseId}/timeline`)).status).toBe(200);
    expect(
      (
        await get(
          t.http,
          lawyer.token,
          `/v1/cases/${caseId}/history?asOf=${encodeURIComponent(new Date().toISOString())}`,
        )
      ).status,
    ).toBe(200);
    expect((await get(t.http, coordinator.token, `/v1/cases/${caseId}/verify`)).status).toBe(200);

    const log = await get(t.http, auditor.token, `/v1/audit/access?caseId=${caseId}`);
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(3);
    expect(log.body.items.map((item: { userId: string; view: string }) => [item.userId, item.view])).toEqual([
      [coordinator.id, 'verify'],
      [lawyer.id, 'history'],
      [auditor.id, 'timeline'],
    ]);
    expect(log.body.items[0]).toMatchObject({ caseId, userRole: 'coordinator' });
    expect(Date.parse(log.body.items[0].accessedAt)).not.toBeNaN();
  });

  it('filters by user, and does not record reads that were refused', async () => {
    const stranger = await createUser(t.http, 'lawyer', 'stranger');
    expectError(await get(t.http, stranger.token, `/v1/cases/${caseId}/timeline`), 404, 'NOT_FOUND');
    const byStranger = await get(t.http, coordinator.token, `/v1/audit/access?userId=${stranger.id}`);
    expect(byStranger.body).toMatchObject({ items: [], total: 0 });
    const byAuditor = await get(t.http, coordinator.token, `/v1/audit/access?userId=${auditor.id}`);
    expect(byAuditor.body.items.every((item: { userId: string }) => item.userId === auditor.id)).toBe(true);
    expect(byAuditor.body.total).toBeGreaterThan(0);
  });

  it('records reads of the case detail, once the read model has the case', async () => {
    const reader = await createUser(t.http, 'auditor', 'detail-reader');
    const latest = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'x' });
    const detail = await request(t.http)
      .get(`/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${reader.token}`)
      .set('X-Min-Position', String(latest.body.position));
    expect(detail.status).toBe(200);
    const log = await get(t.http, coordinator.token, `/v1/audit/access?userId=${reader.id}`);
    expect(log.body.items).toEqual([expect.objectContaining({ caseId, userId: reader.id, view: 'detail' })]);
  });

  it('records a detail read in the statement that reads it, and no detail read that answered 404', async () => {
    const stranger = await createUser(t.http, 'lawyer', 'detail-stranger');
    expectError(await get(t.http, stranger.token, `/v1/cases/${caseId}`), 404, 'NOT_FOUND');
    const missing = '00000000-0000-4000-8000-000000000000';
    const reader = await createUser(t.http, 'coordinator', 'detail-twice');
    expectError(await get(t.http, reader.token, `/v1/cases/${missing}`), 404, 'NOT_FOUND');
    const latest = await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'y' });
    for (let i = 0; i < 2; i++) {
      const detail = await request(t.http)
        .get(`/v1/cases/${caseId}`)
        .set('Authorization', `Bearer ${reader.token}`)
        .set('X-Min-Position', String(latest.body.position));
      expect(detail.status).toBe(200);
    }
    const byStranger = await get(t.http, coordinator.token, `/v1/audit/access?userId=${stranger.id}`);
    expect(byStranger.body).toMatchObject({ items: [], total: 0 });
    const byReader = await get(t.http, coordinator.token, `/v1/audit/access?userId=${reader.id}`);
    expect(byReader.body.items).toEqual([
      expect.objectContaining({ caseId, userId: reader.id, userRole: 'coordinator', view: 'detail' }),
      expect.objectContaining({ caseId, userId: reader.id, userRole: 'coordinator', view: 'detail' }),
    ]);
  });

  it('is for auditors and coordinators only', async () => {
    expectError(await get(t.http, lawyer.token, '/v1/audit/access'), 403, 'FORBIDDEN');
    const admin = await createUser(t.http, 'admin', 'second-admin');
    expectError(await get(t.http, admin.token, '/v1/audit/access'), 403, 'FORBIDDEN');
    expectError(await get(t.http, null, '/v1/audit/access'), 401, 'UNAUTHENTICATED');
    expectError(await get(t.http, auditor.token, '/v1/audit/access?caseId=nope'), 400, 'VALIDATION_FAILED');
  });
});
