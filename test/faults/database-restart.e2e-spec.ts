import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@casetrack/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { get, openCaseBody, post } from '../support/e2e';
import { ADMIN, createUser } from '../support/test-app';
import { PgCluster } from './support/pg-cluster';
import { until } from '../support/until';
import { ProcessFailures } from './support/process-failures';
import { type Ack, Traffic } from './support/traffic';

const RESTARTS = 10;
/** Never a real secret: the cluster trusts every local connection. It must not appear in any log line. */
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;

/**
 * Every role in one process (api, projector, worker) on a PostgreSQL cluster of the test's own, stopped with
 * `-m immediate` under concurrent writes and started again, ten times: the process stays up, the API answers 503
 * SERVICE_UNAVAILABLE with Retry-After meanwhile (never 500), nothing acknowledged is lost, an Idempotency-Key retry
 * of a write whose outcome was unknown appends it once, and the read models catch up.
 */
describe('a database restart is survived by every role', () => {
  const cluster = new PgCluster('casetrack_restart_test');
  const logLines: string[] = [];
  const failures = new ProcessFailures();
  let app: INestApplication | undefined;
  let http: App;

  beforeAll(async () => {
    failures.listen();
    await cluster.create();
  });

  afterAll(async () => {
    try {
      // A failed test may leave the application waiting on a database that is gone: do not let that keep the cluster.
      await Promise.race([app?.close(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
    } finally {
      await cluster.drop();
      failures.stop();
    }
  }, 60_000);

  it('starts while PostgreSQL is still down, saying what it waits for and never the password', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: cluster.url('casetrack_restart', PASSWORD),
      ROLES: 'api,projector,worker',
      REMINDER_QUEUE: `restart-${randomBytes(4).toString('hex')}`,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '0',
      STARTUP_WAIT_SECONDS: '60',
    });
    const logger = createLogger('warn', 'casetrack', { write: (line: string) => void logLines.push(line) });
    const starting = createApp(config, logger);
    // Observed before the cluster exists on its port: a start-up that gave up would reject here.
    const outcome = starting.then(
      () => 'started',
      (error: unknown) => `failed: ${String(error)}`,
    );
    await until('the start-up says it waits for PostgreSQL', () =>
      logLines.some((line) => line.includes('waiting for PostgreSQL')),
    );
    await cluster.start();
    expect(await outcome).toBe('started');
    app = await starting;
    await app.init();
    http = app.getHttpServer() as App;

    expect((await get(http, null, '/health')).status).toBe(200);
    expect(logLines.filter((line) => line.includes(PASSWORD))).toEqual([]);
  });

  it(`survives ${RESTARTS} immediate stops under writes: 503 meanwhile, nothing acknowledged lost, read models caught up`, async () => {
    const coordinator = await createUser(http, 'coordinator');
    const caseIds: string[] = [];
    let lastOpened = 0;
    for (const name of ['Arman Zholatov', 'Asel Tokayeva', 'Dana Nurlanova', 'Yerlan Sadykov']) {
      const opened = await post(http, coordinator.token, '/v1/cases', openCaseBody(name));
      expect(opened.status).toBe(201);
      caseIds.push(opened.body.caseId as string);
      lastOpened = opened.body.position as number;
    }
    // The reader reads these cases from the read models: they must be there before anything is judged.
    const projected = await request(http)
      .get(`/v1/cases/${caseIds[caseIds.length - 1]}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(lastOpened));
    expect(projected.status).toBe(200);

    const traffic = new Traffic(http, coordinator.token);
    traffic.start(caseIds);
    try {
      for (let restart = 1; restart <= RESTARTS; restart++) {
        await until(`every writer is acknowledged before stop ${restart}`, () =>
          caseIds.every((caseId) => traffic.acksOf(caseId) >= restart),
        );
        const refusedBefore = traffic.count(503);
        await cluster.stopImmediately();
        await until(`the API refuses with 503 after stop ${restart}`, () => traffic.count(503) > refusedBefore);
        // /health answers at once (no hang on a dead connection) and says down.
        const health = await get(http, null, '/health');
        expect(health.status).toBe(503);
        expect(health.body.status).toBe('down');
        await cluster.start();
      }
      await until('every writer is acknowledged after the last start', () =>
        caseIds.every((caseId) => traffic.acksOf(caseId) >= RESTARTS + 1),
      );
    } catch (error) {
      await traffic.abandon();
      throw error;
    }
    await traffic.stop();

    expect(failures.seen).toEqual([]);
    expect(traffic.unexpected).toEqual([]);
    expect(traffic.count(503)).toBeGreaterThanOrEqual(RESTARTS);
    expect(traffic.count(500)).toBe(0);

    const db = new Client({ connectionString: cluster.url('casetrack_restart', PASSWORD) });
    await db.connect();
    try {
      await expectEveryKeyStoredOnce(db, traffic.keys, traffic.acks);
      const { rows } = await db.query<{ last: string }>('SELECT max(position) AS last FROM events');
      const last = Number(rows[0].last);
      await until('the projector checkpoint reaches the last event', async () => {
        const checkpoint = await db.query<{ position: string }>(
          'SELECT max(position) AS position FROM read_model.checkpoint',
        );
        return Number(checkpoint.rows[0].position) === last;
      });
      for (const caseId of caseIds) {
        const stored = await db.query<{ version: number }>(
          `SELECT max(version) AS version FROM events WHERE stream_id = 'case-' || $1`,
          [caseId],
        );
        const read = await get(http, coordinator.token, `/v1/cases/${caseId}`);
        expect(read.status).toBe(200);
        expect(read.body.version).toBe(stored.rows[0].version);
      }
    } finally {
      await db.end();
    }
    expect((await get(http, null, '/health')).status).toBe(200);
    expect(failures.seen).toEqual([]);
    expect(logLines.filter((line) => line.includes(PASSWORD))).toEqual([]);
  }, 120_000);

  it('a write whose append committed but whose answer was lost is a 503, and its retry finds the first answer', async () => {
    const coordinator = await createUser(http, 'coordinator');
    const opened = await post(http, coordinator.token, '/v1/cases', openCaseBody('Marat Iskakov'));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const key = randomUUID();
    const write = (): Promise<Response> =>
      Promise.resolve(
        post(
          http,
          coordinator.token,
          `/v1/cases/${caseId}/notes`,
          { text: 'Seen at the hearing' },
          { 'Idempotency-Key': key },
        ),
      );

    // The answer is stored after the append: hold that insert back, so the database stops between the two.
    const admin = new Client({ connectionString: cluster.url('casetrack_restart', PASSWORD) });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE idempotency_keys IN EXCLUSIVE MODE');
    const first = write();
    await until('the answer waits behind the lock', async () => {
      // Activity is read once per transaction unless the snapshot is dropped; the lock's transaction stays open.
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%idempotency_keys%'`,
      );
      return rows[0].n === 1;
    });
    const appended = await admin.query<{ version: number; position: string }>(
      `SELECT version, position FROM events WHERE metadata->>'idempotencyKey' = $1`,
      [key],
    );
    expect(appended.rows).toHaveLength(1);
    await cluster.stopImmediately();
    await admin.end().catch(() => undefined);

    const lost = await first;
    expect(lost.status).toBe(503);
    expect(lost.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(lost.headers['retry-after']).toMatch(/^\d+$/);

    await cluster.start();
    let retried = await write();
    // As a client would: a 503 while the pool finds its way back is retried with the same key.
    while (retried.status === 503) retried = await write();
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toMatchObject({
      caseId,
      version: appended.rows[0].version,
      position: Number(appended.rows[0].position),
    });
    expect((await write()).body).toEqual(retried.body);

    const db = new Client({ connectionString: cluster.url('casetrack_restart', PASSWORD) });
    await db.connect();
    try {
      const stored = await db.query(`SELECT 1 FROM events WHERE metadata->>'idempotencyKey' = $1`, [key]);
      expect(stored.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    expect(failures.seen).toEqual([]);
  }, 60_000);
});

/**
 * Every key a writer used is in the store exactly once (a retry after a 503 whose append had in fact committed found
 * the first answer instead of appending again), and every acknowledged answer names that event.
 */
async function expectEveryKeyStoredOnce(db: Client, keys: string[], acks: Ack[]): Promise<void> {
  const { rows } = await db.query<{ key: string; stream_id: string; version: number; position: string }>(
    `SELECT metadata->>'idempotencyKey' AS key, stream_id, version, position FROM events
      WHERE metadata ? 'idempotencyKey'`,
  );
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const notOnce = keys.filter((key) => byKey.get(key)?.length !== 1);
  expect(notOnce).toEqual([]);
  const mismatched = acks.filter((ack) => {
    const [row] = byKey.get(ack.key) ?? [];
    return (
      row === undefined ||
      row.stream_id !== `case-${ack.caseId}` ||
      row.version !== ack.version ||
      Number(row.position) !== ack.position
    );
  });
  expect(mismatched).toEqual([]);
}
