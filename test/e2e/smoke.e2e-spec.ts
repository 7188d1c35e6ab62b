import request from 'supertest';
import { createUser, startTestApp, type TestApp } from '../support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens a case and records a note', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    const opened = await request(t.http)
      .post('/v1/cases')
      .set('Authorization', `Bearer ${lawyer.token}`)
      .send({ detainee: { fullName: 'Arman Zholatov', city: 'Almaty' }, source: { kind: 'relative' } });
    expect(opened.status).toBe(201);
    const note = await request(t.http)
      .post(`/v1/cases/${opened.body.caseId}/notes`)
      .set('Authorization', `Bearer ${lawyer.token}`)
      .send({ text: 'x' });
    expect(note.status).toBe(201);
    expect(note.headers.etag).toBe(`"${note.body.version}"`);
  });
});
