import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@casetrack/config';
import { PostgresEventStore, sealEventStore } from '@casetrack/event-store';
import { ProjectorAppModule } from '../../apps/projector/src/projector-app.module';
import { CaseWriter } from '../read-model/helpers';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The projector role as its own process module (ROLES=projector): it projects, and reports through /health and /metrics. */
describe('projector process', () => {
  let db: TestDatabase;
  let pool: Pool;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ROLES: 'projector', LOG_LEVEL: 'silent' });
    app = await NestFactory.create(ProjectorAppModule.register(config, createLogger('silent')), { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await db?.drop();
  });

  it('projects what is appended, and its lag in /health and /metrics falls back to zero', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const store = sealEventStore(new PostgresEventStore(pool), pool, config.masterKey).sealed;
    const writer = new CaseWriter(store);
    await writer.append(
      {
        type: 'CaseOpened',
        data: {
          detainee: { fullName: 'Process Test', nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
          source: { kind: 'ngo' },
        },
      },
      { type: 'DetentionRecorded', data: { city: 'Almaty', place: 'square', authority: 'police' } },
    );
    const http = app.getHttpServer() as App;

    let health = await request(http).get('/health');
    for (
      const deadline = Date.now() + 10_000;
      health.body.checks?.projector?.lag?.checkpoint !== writer.lastPosition;
    ) {
      if (Date.now() > deadline) throw new Error(`projector did not catch up: ${JSON.stringify(health.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = await request(http).get('/health');
    }
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { projector: { running: true, lag: { events: 0 } } } });

    const { rows } = await pool.query<{ status: string }>('SELECT status FROM read_model.cases WHERE case_id = $1', [
      writer.caseId,
    ]);
    expect(rows).toEqual([{ status: 'in_police_custody' }]);

    const metrics = await request(http).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/casetrack_projector_lag_events 0\b/);
  });
});
