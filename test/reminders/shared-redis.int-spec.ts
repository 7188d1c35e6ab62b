import { randomBytes, randomUUID } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { type AppConfig, loadConfig } from '@casetrack/config';
import { DELIVER_JOB, type ReminderJobData, reminderJobId, WorkerRole } from '@casetrack/reminders';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventually, TEST_REDIS_URL } from './support/reminder-app';
import { countByState, insertReminder, insertUser } from './support/reminder-rows';
import { deleteKeysUnder, keysMatching } from './support/redis-keys';
import { expectEachOnce, SmtpSink } from './support/smtp-sink';

/** One deployment: its own database, its configuration, its worker role. */
interface Deployment {
  db: TestDatabase;
  pool: Pool;
  config: AppConfig;
  role: WorkerRole;
}

describe('one Redis shared by several deployments (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let redis: Redis;
  const deployments: Deployment[] = [];

  async function deploy(env: Record<string, string> = {}, lockDurationMs?: number): Promise<Deployment> {
    const db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.url, max: 10 });
    // The defaults, except for what a test needs: no REMINDER_QUEUE, and REDIS_PREFIX only when the test sets it.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: smtp.url,
      ...env,
    });
    // The reconciliation runs at its default pace (30 s): a delivery that waits for it fails these tests.
    const role = new WorkerRole(pool, config, undefined, { dispatchIntervalMs: 200, lockDurationMs });
    const deployment = { db, pool, config, role };
    deployments.push(deployment);
    return deployment;
  }

  /** The deployment's queue, as BullMQ and Bull Board see it. */
  function queueOf(d: Deployment): Queue<ReminderJobData> {
    return new Queue<ReminderJobData>(d.config.reminders.queue, {
      connection: { url: TEST_REDIS_URL },
      prefix: d.config.redisPrefix,
    });
  }

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    redis = new Redis(TEST_REDIS_URL);
  });

  afterEach(async () => {
    for (const d of deployments.splice(0)) {
      await d.role.stop();
      await deleteKeysUnder(redis, d.config.redisPrefix);
      await d.pool.end();
      await d.db.drop();
    }
    smtp.mails.length = 0;
  });

  afterAll(async () => {
    redis.disconnect();
    await smtp.close();
  });

  it('two deployments with default settings each deliver all their own reminders, and only theirs', async () => {
    const [a, b] = [await deploy(), await deploy()];
    expect(a.config.redisPrefix).toBe(`casetrack:${a.db.name}`);
    expect(b.config.redisPrefix).toBe(`casetrack:${b.db.name}`);

    const expected = new Map<Deployment, Array<[string, string]>>();
    const due = Date.now() + 1_500;
    for (const [n, d] of [a, b].entries()) {
      const email = `lawyer@deployment-${n}.test`;
      const lawyer = await insertUser(d.pool, email);
      const pairs: Array<[string, string]> = [];
      for (let i = 0; i < 8; i++) pairs.push([await insertReminder(d.pool, lawyer, due), email]);
      expected.set(d, pairs);
    }
    a.role.start();
    b.role.start();

    for (const d of [a, b])
      await eventually(async () => (await countByState(d.pool)).sent === 8, 20_000, 'every row of a deployment sent');
    await smtp.waitFor(() => smtp.mails.length >= 16, 5_000);
    expectEachOnce(smtp, [...expected.values()].flat());

    const jobIdsOf = (d: Deployment): string[] =>
      (expected.get(d) ?? []).map(([id]) => reminderJobId(id, due)).sort((x, y) => x.localeCompare(y));
    for (const d of [a, b]) {
      // Each queue ran its own jobs and no other deployment's.
      const queue = queueOf(d);
      const done = await queue.getJobs(['completed']);
      await queue.close();
      expect(done.map((job) => job.id).sort((x, y) => (x ?? '').localeCompare(y ?? ''))).toEqual(jobIdsOf(d));
      // Every key naming one of its reminders lies under its prefix.
      for (const [reminderId] of expected.get(d) ?? []) {
        const keys = await keysMatching(redis, `*${reminderId}*`);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) expect(key.startsWith(`${d.config.redisPrefix}:`)).toBe(true);
      }
    }
  });

  it('jobs left finished or stalled under a reminder id are queued again; each reminder is delivered once', async () => {
    const prefix = `casetrack-test:stuck-${randomBytes(4).toString('hex')}`;
    const d = await deploy({ REDIS_PREFIX: prefix }, 2_000);
    expect(d.config.redisPrefix).toBe(prefix);
    const lawyer = await insertUser(d.pool, 'stuck@deployment.test');
    const due = Date.now() + 1_500;
    const row = async (state: 'pending' | 'queued' | 'sent'): Promise<string> => {
      const id = await insertReminder(d.pool, lawyer, due);
      await d.pool.query(`UPDATE reminders SET state = $2 WHERE id = $1`, [id, state]);
      return id;
    };
    // Pending again after a cancellation, while the stale run of its earlier job is kept as completed.
    const completedPending = await row('pending');
    // Queued, with a job that failed and whose failure never reached PostgreSQL.
    const failedQueued = await row('queued');
    // Queued, with a job taken by a worker that crashed (its lock runs out).
    const stalledQueued = await row('queued');
    // Queued, with no job in Redis (lost, or removed by hand).
    const missingQueued = await row('queued');
    // Pending, with its job already waiting (a dispatcher stopped between adding it and marking the row queued).
    const waitingPending = await row('pending');
    // Sent, with its completed job: never sent again.
    const sent = await row('sent');

    const queue = queueOf(d);
    const add = (id: string): Promise<Job<ReminderJobData>> =>
      queue.add(DELIVER_JOB, { reminderId: id, dueAt: due }, { jobId: reminderJobId(id, due), attempts: 1 });
    for (const id of [completedPending, failedQueued, stalledQueued, sent]) await add(id);
    // A worker of an earlier run, processing by hand and crashing before it finishes one job.
    const earlier = new Worker<ReminderJobData>(d.config.reminders.queue, null, {
      connection: { url: TEST_REDIS_URL },
      prefix: d.config.redisPrefix,
      lockDuration: 500,
      autorun: false,
    });
    const token = randomUUID();
    for (let taken = 0; taken < 4; taken++) {
      const job = await earlier.getNextJob(token, { block: false });
      if (!job) throw new Error('the earlier run found no job');
      const id = job.data.reminderId;
      if (id === completedPending || id === sent) await job.moveToCompleted('stale', token, false);
      else if (id === failedQueued) await job.moveToFailed(new Error('earlier run'), token, false);
    }
    await earlier.close(true);
    await add(waitingPending);
    expect(await queue.getJobState(reminderJobId(completedPending, due))).toBe('completed');
    expect(await queue.getJobState(reminderJobId(failedQueued, due))).toBe('failed');
    expect(await queue.getJobState(reminderJobId(stalledQueued, due))).toBe('active');
    expect(await queue.getJobState(reminderJobId(missingQueued, due))).toBe('unknown');
    await queue.close();

    d.role.start();
    await eventually(async () => (await countByState(d.pool)).sent === 6, 20_000, 'every row sent');
    await smtp.waitFor(() => smtp.mails.length >= 5, 5_000);
    // Another round of dispatching finds nothing left to queue again.
    expect(await d.role.dispatcher.dispatchDue()).toBe(0);
    expect(await d.role.dispatcher.reconcile()).toBe(0);
    expectEachOnce(
      smtp,
      [completedPending, failedQueued, stalledQueued, missingQueued, waitingPending].map((id) => [
        id,
        'stuck@deployment.test',
      ]),
    );
  });
});
