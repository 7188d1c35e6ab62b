import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@casetrack/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { csv, read, send, upload } from '../e2e/imports/import-client';
import { ADMIN, createUser } from '../support/test-app';
import { PgCluster } from './support/pg-cluster';
import { until } from '../support/until';
import { ProcessFailures } from './support/process-failures';

/** Enough that the third stop still finds the commit under way: 16 rows side by side settle hundreds a second. */
const ROWS = 2400;
const RESTARTS = 3;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;

/**
 * An import committing while its database stops at once and starts again, three times: the process stays up, the
 * commit waits and goes on by itself, and every row is settled once with each of its facts once (a write whose append
 * committed while its answer was lost is replayed by its key, not appended again).
 */
describe('an import commit across database restarts', () => {
  const cluster = new PgCluster('casetrack_import_restart_test');
  const failures = new ProcessFailures();
  let app: INestApplication | undefined;
  let http: App;

  beforeAll(async () => {
    failures.listen();
    await cluster.create();
    await cluster.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: cluster.url('casetrack_import_restart', PASSWORD),
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    app = await createApp(config, createLogger('silent'));
    await app.init();
    http = app.getHttpServer() as App;
  }, 120_000);

  afterAll(async () => {
    try {
      await Promise.race([app?.close(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
    } finally {
      await cluster.drop();
      failures.stop();
    }
  }, 60_000);

  it('goes on after each restart and records every row once', async () => {
    const coordinator = await createUser(http, 'coordinator');
    const lines = [['ФИО', 'Город', 'Дата задержания', 'Статья']];
    for (let n = 1; n <= ROWS; n++) lines.push([`Person${n} Restartov${n}`, `Town ${n}`, '05.01.2022', '272']);
    const up = await upload(http, coordinator.token, csv(lines), 'list.csv');
    expect(up.status).toBe(201);
    const importId = up.body.importId as string;
    const mapping = { ФИО: 'fullName', Город: 'city', 'Дата задержания': 'detainedAt', Статья: 'article' };
    expect((await send(http, coordinator.token, `/v1/imports/${importId}/commit`, { mapping })).status).toBe(202);

    const db = (): Client => new Client({ connectionString: cluster.url('casetrack_import_restart', PASSWORD) });
    const settled = async (): Promise<number> => {
      const client = db();
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          `SELECT recorded + rejected + skipped AS n FROM imports WHERE id = $1`,
          [importId],
        );
        return rows[0].n;
      } finally {
        await client.end();
      }
    };
    const status = async (): Promise<string> =>
      (await read(http, coordinator.token, `/v1/imports/${importId}`)).body.status as string;
    for (let restart = 1; restart <= RESTARTS; restart++) {
      const before = await settled();
      await until(`more rows settled before stop ${restart}`, async () => (await settled()) >= before + 20, 60_000);
      // Each stop must find the commit under way, or it proves nothing.
      expect(await status()).toBe('committing');
      await cluster.stopImmediately();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await cluster.start();
    }
    await until(
      'the import is done',
      async () => (await read(http, coordinator.token, `/v1/imports/${importId}`)).body.status === 'done',
      120_000,
    );
    expect((await read(http, coordinator.token, `/v1/imports/${importId}`)).body).toMatchObject({
      status: 'done',
      rows: ROWS,
      recorded: ROWS,
      rejected: 0,
      skipped: 0,
    });
    const client = db();
    await client.connect();
    try {
      const { rows: facts } = await client.query<{ row: number; type: string; n: number }>(
        `SELECT (metadata->'importedFrom'->>'row')::int AS row, type, count(*)::int AS n FROM events
          WHERE metadata->'importedFrom'->>'importId' = $1 GROUP BY 1, 2`,
        [importId],
      );
      expect(facts.filter((fact) => fact.n !== 1)).toEqual([]);
      expect(facts).toHaveLength(ROWS * 3);
      const { rows: cases } = await client.query<{ n: number }>(
        `SELECT count(DISTINCT case_id)::int AS n FROM import_rows WHERE import_id = $1 AND outcome = 'recorded'`,
        [importId],
      );
      expect(cases[0].n).toBe(ROWS);
    } finally {
      await client.end();
    }
    expect(failures.seen).toEqual([]);
  }, 240_000);
});
