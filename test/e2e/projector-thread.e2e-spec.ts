import type { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { ProjectorThread } from '../../apps/projector/src/thread/projector-thread';
import { DAY, expectWritten, fromNow, get, openCaseBody, post } from '../support/e2e';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { until } from '../support/until';

/**
 * The projector on a worker thread of the API's process (PROJECTOR_THREAD, the default outside tests): what the API
 * records reaches the read models and the reminders the projector derives, a thread that dies is started again, and
 * closing the application ends the thread and its connections.
 */
describe('projector thread', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let admin: Pool;

  // From the sources, the thread loads the projector's modules through ts-node; on a loaded machine that took long.
  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR_THREAD: 'true' });
    coordinator = await createUser(t.http, 'coordinator');
    lawyer = await createUser(t.http, 'lawyer');
    admin = new Pool({ connectionString: t.database.url.replace(/\/[^/]+$/, '/postgres'), max: 1 });
  }, 180_000);

  afterAll(async () => {
    await admin?.end();
    await t?.database.drop();
  });

  it('projects on its own thread, reminders included', async () => {
    // The thread, not the API's event loop, runs the projector.
    expect(t.app.get(ProjectorThread)).toBeInstanceOf(ProjectorThread);
    const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Thread Probe'));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const path = `/v1/cases/${caseId}`;
    expectWritten(
      await post(t.http, coordinator.token, `${path}/lawyers`, { lawyerId: lawyer.id, role: 'lead' }),
      caseId,
      2,
    );
    const hearing = await post(t.http, coordinator.token, `${path}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almaty City Court',
      scheduledAt: fromNow(2 * DAY),
    });
    expectWritten(hearing, caseId, 3);

    // The read model (GET answers from it) reaches the hearing's version.
    let read = await get(t.http, coordinator.token, path);
    for (
      const deadline = Date.now() + 15_000;
      read.body.version !== 3;
      read = await get(t.http, coordinator.token, path)
    ) {
      if (Date.now() > deadline) throw new Error(`not projected: ${read.status} ${JSON.stringify(read.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(read.body.nextHearing).toMatchObject({ court: 'Almaty City Court' });
    // The batch hook ran on the thread, in the batch's transaction: the lawyer's reminders are pending.
    const reminders = new Pool({ connectionString: t.database.url, max: 1 });
    try {
      const pending = await reminders.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM reminders WHERE case_id = $1 AND recipient_user_id = $2 AND state = 'pending'",
        [caseId, lawyer.id],
      );
      expect(pending.rows[0].n).toBeGreaterThan(0);
    } finally {
      await reminders.end();
    }
  });

  it('is started again when it dies, and /health says so meanwhile', async () => {
    const thread = t.app.get(ProjectorThread);
    const health = async (): Promise<string> =>
      ((await get(t.http, null, '/health')).body as { checks: { projector: { status: string } } }).checks.projector
        .status;
    expect(await health()).toBe('up');
    // As if the thread crashed: its worker ends without being asked.
    await (thread as unknown as { worker: Worker }).worker.terminate();
    expect(thread.running).toBe(false);
    expect(await health()).toBe('down');

    const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('After The Crash'));
    expect(opened.status).toBe(201);
    const path = `/v1/cases/${opened.body.caseId as string}`;
    await until(
      'the restarted thread projects the new case',
      async () => (await get(t.http, coordinator.token, path)).status === 200,
    );
    expect(thread.running).toBe(true);
    expect(await health()).toBe('up');
  });

  it('ends with the application, connections included', async () => {
    await t.app.close();
    // A server process leaves pg_stat_activity a moment after its client has gone: ask until none is left.
    const left = async (): Promise<number> =>
      (
        await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          new URL(t.database.url).pathname.slice(1),
        ])
      ).rows[0].n;
    await until('no connection is left', async () => (await left()) === 0);
  });
});
