import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { TokensService } from '@casetrack/auth';
import type { RecentTokens } from '../../libs/auth/src/recent-tokens';
import { startSecondApp } from '../support/e2e';
import { ADMIN, createUser, login, startTestApp, type TestApp } from '../support/test-app';

function me(http: App, token: string) {
  return request(http).get('/v1/users/me').set('Authorization', `Bearer ${token}`);
}

/** The answers a process reuses for a moment (TokensService keeps them private; the test watches them). */
function recentTokensOf(app: INestApplication): RecentTokens {
  return (app.get(TokensService) as unknown as { recent: RecentTokens }).recent;
}

/** Resolves when `recent` next forgets everything, i.e. when the process hears of a change. */
function nextChange(recent: RecentTokens): Promise<void> {
  return new Promise((resolve) => {
    const forgetAll = recent.forgetAll.bind(recent);
    const spy = jest.spyOn(recent, 'forgetAll').mockImplementation(() => {
      forgetAll();
      spy.mockRestore();
      resolve();
    });
  });
}

/**
 * A token's answer is reused for a moment, and every change to accounts or tokens ends that at once: in the process
 * that makes it before it answers, in the others as soon as they hear PostgreSQL's notification of it.
 */
describe('recently authenticated tokens', () => {
  let t: TestApp;
  let second: { app: INestApplication; http: App };

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondApp(t.database.url);
  });

  afterAll(async () => {
    await second.app.close();
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('a signed-out token is refused by the next request in the same process', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    await me(t.http, lawyer.token).expect(200);
    await me(t.http, lawyer.token).expect(200);
    await request(t.http).post('/v1/auth/logout').set('Authorization', `Bearer ${lawyer.token}`).expect(204);
    await me(t.http, lawyer.token).expect(401);
  });

  it('a token signed out in one process is refused by another once it hears of it, without waiting for the moment to pass', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    await me(second.http, lawyer.token).expect(200);
    const heard = nextChange(recentTokensOf(second.app));
    await request(t.http).post('/v1/auth/logout').set('Authorization', `Bearer ${lawyer.token}`).expect(204);
    await heard;
    await me(second.http, lawyer.token).expect(401);
  });

  it('an account disabled in one process is refused by another once it hears of it', async () => {
    const lawyer = await createUser(t.http, 'lawyer');
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    await me(second.http, lawyer.token).expect(200);
    const heard = nextChange(recentTokensOf(second.app));
    await request(t.http).post(`/v1/users/${lawyer.id}/disable`).set('Authorization', `Bearer ${admin}`).expect(200);
    await heard;
    await me(second.http, lawyer.token).expect(401);
  });

  it('a changed time zone is what the next request sees', async () => {
    const coordinator = await createUser(t.http, 'coordinator');
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    await me(t.http, coordinator.token).expect(200);
    await request(t.http)
      .patch(`/v1/users/${coordinator.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ timeZone: 'Europe/Moscow' })
      .expect(200);
    const answer = await me(t.http, coordinator.token).expect(200);
    expect((answer.body as { timeZone: string }).timeZone).toBe('Europe/Moscow');
  });
});
