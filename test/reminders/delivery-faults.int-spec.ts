import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { loadConfig } from '@casetrack/config';
import { WorkerRole } from '@casetrack/reminders';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventually, forgetRedisKeys, TEST_REDIS_URL } from './support/reminder-app';
import { countByState, insertReminder, insertUser } from './support/reminder-rows';
import { expectEachOnce, SmtpSink } from './support/smtp-sink';

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // tsconfig-paths: the libraries import one another by their @casetrack/ names.
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'test/reminders/support/worker-process.ts',
    ],
    { env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
}

describe('reminder delivery under faults (real PostgreSQL, Redis and SMTP)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let smtp: SmtpSink;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 10 });
    smtp = await SmtpSink.start();
  });

  afterEach(async () => {
    await smtp.close();
    await pool.end();
    await db.drop();
  });

  it('a worker killed with jobs in flight and restarted delivers each reminder once per recipient', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: smtp.url,
      WORKER_CONCURRENCY: '4',
    };
    const recipients = ['a@kill.test', 'b@kill.test'];
    const ids = await Promise.all(recipients.map((email) => insertUser(pool, email)));
    const expected: Array<[string, string]> = [];
    const due = Date.now() + 1_500;
    for (let i = 0; i < 6; i++) {
      for (const [n, recipient] of ids.entries())
        expected.push([await insertReminder(pool, recipient, due), recipients[n]]);
    }
    try {
      let worker = await startWorkerProcess(env);
      await smtp.waitFor(() => smtp.mails.length >= 3, 20_000, 'the first mails');
      smtp.hold();
      await smtp.waitFor(() => smtp.heldCount >= 1, 10_000, 'a delivery in flight');
      const sentBeforeKill = (await countByState(pool)).sent ?? 0;
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker.once('exit', resolve));
      // The killed worker's connections are closed: what it had in flight was never accepted.
      await new Promise((resolve) => setTimeout(resolve, 300));
      smtp.release();
      expect(sentBeforeKill).toBeGreaterThanOrEqual(1);

      worker = await startWorkerProcess(env);
      try {
        await eventually(async () => (await countByState(pool)).sent === expected.length, 30_000, 'every row sent');
        await smtp.waitFor(() => smtp.mails.length >= expected.length, 5_000);
        expectEachOnce(smtp, expected);
      } finally {
        worker.kill('SIGTERM');
        await new Promise((resolve) => worker.once('exit', resolve));
      }
    } finally {
      await forgetRedisKeys(loadConfig({ NODE_ENV: 'test', ...env }).redisPrefix);
    }
  });

  it('Redis flushed, then restarted empty: the dispatcher queues everything again and nothing is lost', async () => {
    const port = await freePort();
    const redisArgs = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    let redisServer = spawn('redis-server', redisArgs, { stdio: 'ignore' });
    const redisUrl = `redis://127.0.0.1:${port}/0`;
    const admin = new Redis(redisUrl, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: redisUrl, SMTP_URL: smtp.url });
    const role = new WorkerRole(pool, config, undefined, { reconcileIntervalMs: 500, dispatchIntervalMs: 200 });
    try {
      await admin.ping();
      const recipient = await insertUser(pool, 'c@flush.test');
      const expected: Array<[string, string]> = [];
      for (let i = 0; i < 10; i++)
        expected.push([await insertReminder(pool, recipient, Date.now() + 6_000), 'c@flush.test']);
      role.start();
      await eventually(async () => (await countByState(pool)).queued === 10, 10_000, 'rows queued');

      await admin.flushall();
      await eventually(async () => (await admin.dbsize()) > 0, 5_000, 'jobs queued again after FLUSHALL');

      redisServer.kill('SIGKILL');
      await new Promise((resolve) => redisServer.once('exit', resolve));
      // Written while Redis is down: the dispatcher keeps retrying.
      for (let i = 0; i < 5; i++)
        expected.push([await insertReminder(pool, recipient, Date.now() + 4_000), 'c@flush.test']);
      await new Promise((resolve) => setTimeout(resolve, 500));
      redisServer = spawn('redis-server', redisArgs, { stdio: 'ignore' });

      await eventually(async () => (await countByState(pool)).sent === 15, 30_000, 'every row sent');
      await smtp.waitFor(() => smtp.mails.length >= 15, 5_000);
      expectEachOnce(smtp, expected);
    } finally {
      await role.stop();
      admin.disconnect();
      redisServer.kill('SIGKILL');
    }
  });

  it('a permanent failure marks the row failed with a code; a private webhook address is refused', async () => {
    const recipient = await insertUser(pool, 'd@fail.test');
    await pool.query(`UPDATE users SET webhook_url = 'http://10.255.255.1/hook' WHERE id = $1`, [recipient]);
    const id = await insertReminder(pool, recipient, Date.now());
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: smtp.url,
    });
    const role = new WorkerRole(pool, config, undefined, { dispatchIntervalMs: 200 });
    role.start();
    try {
      await eventually(async () => (await countByState(pool)).failed === 1, 15_000, 'row failed');
      const { rows } = await pool.query(
        `SELECT attempts, last_error, delivered_channels FROM reminders WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ attempts: 1, last_error: 'WEBHOOK_ADDRESS_FORBIDDEN', delivered_channels: ['email'] });
      // The email went out once; the webhook was refused before any connection.
      expect(smtp.mails.map((m) => m.reminderId)).toEqual([id]);
    } finally {
      await role.stop();
      await forgetRedisKeys(config.redisPrefix);
    }
  });
});

it('redis-server is available for the restart test', () => {
  expect(spawnSync('redis-server', ['--version']).status).toBe(0);
});
