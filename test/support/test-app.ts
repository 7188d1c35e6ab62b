import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { type AppConfig, loadConfig, type Logger } from '@casetrack/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@casetrack.test', password: 'admin-password-long' };

export interface TestApp {
  app: INestApplication;
  http: App;
  database: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/** The real application on its own fresh database, with the bootstrap admin; not listening on a port (supertest). */
export async function startTestApp(env: Record<string, string> = {}, logger?: Logger): Promise<TestApp> {
  const database = await createTestDatabase({ migrate: false });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    // Tests fire bursts far above any human pace; the rate-limit test sets its own limit.
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  const app = await createApp(config, logger);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export async function login(http: App, email: string, password: string): Promise<string> {
  const response = await request(http).post('/v1/auth/login').send({ email, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

export interface TestUser {
  id: string;
  token: string;
}

/** Creates a user through the API (as the bootstrap admin) and signs them in. */
export async function createUser(
  http: App,
  role: 'lawyer' | 'coordinator' | 'auditor' | 'admin',
  name: string = role,
): Promise<TestUser> {
  const adminToken = await login(http, ADMIN.email, ADMIN.password);
  const email = `${name}-${Math.random().toString(36).slice(2, 10)}@casetrack.test`;
  const password = 'a-long-test-password';
  const response = await request(http)
    .post('/v1/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, name, role, password, timeZone: 'Asia/Almaty' })
    .expect(201);
  return { id: (response.body as { id: string }).id, token: await login(http, email, password) };
}
