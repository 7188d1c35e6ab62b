import { type ChildProcess, spawn } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@casetrack/config';
import { WorkerRoleService } from '@casetrack/reminders';
import { WorkerAppModule } from '../../apps/worker/src/worker-app.module';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventually } from './support/reminder-app';

/** A Redis of this test's own, so that it can be stopped and started again without touching anyone else's. */
class OwnRedis {
  private server: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  start(): void {
    this.server = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
  }

  async stop(): Promise<void> {
    const running = this.server;
    this.server = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }
}

/**
 * The standalone worker process module (ROLES=worker) answers GET /health for its container's health check: ok while
 * its loops run, degraded while Redis is away, down (503) once its BullMQ loop has stopped.
 */
describe('worker process health', () => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let app: INestApplication;
  let http: App;

  const health = () => request(http).get('/health');
  const statusIs = (status: string) => async () => (await health()).body.status === status;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new OwnRedis(await freePort());
    redis.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      ROLES: 'worker',
      LOG_LEVEL: 'silent',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    app = await NestFactory.create(WorkerAppModule.register(config, createLogger('silent')), { logger: false });
    await app.init();
    http = app.getHttpServer() as App;
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('is ok once its dispatch loop has run and its Redis connection is ready', async () => {
    await eventually(statusIs('ok'), 20_000, 'worker health ok');
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      checks: { worker: { status: 'up', running: true, redis: 'up', dispatch: { failing: false } } },
    });
    expect(response.body.checks.worker.dispatch.lastEndedSecondsAgo).toBeGreaterThanOrEqual(0);
  });

  it('is degraded (200) while Redis is away, and ok again once it is back', async () => {
    await redis.stop();
    await eventually(statusIs('degraded'), 20_000, 'worker health degraded');
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.body.checks.worker).toMatchObject({ status: 'degraded', running: true, redis: 'down' });

    redis.start();
    await eventually(statusIs('ok'), 20_000, 'worker health ok again');
  });

  it('is down (503) once the worker role has stopped', async () => {
    await app.get(WorkerRoleService).role.stop();
    const response = await health();
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'down', checks: { worker: { status: 'down', running: false } } });
  });
});
