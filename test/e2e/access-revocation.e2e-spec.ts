import request, { type Response } from 'supertest';
import { Client, Pool } from 'pg';
import { ProjectorService } from '@casetrack/read-model';
import { ReminderDelivery, type ReminderChannel } from '@casetrack/reminders';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { DAY, expectError, fromNow, post } from '../support/e2e';

const NAME = 'Bolat Tulegenov';
const CITY = 'Shymkent';

/** What one person finds of the case on every route that reads case data: statuses, or whether it is listed. */
interface Sight {
  detail: number;
  timeline: number;
  history: number;
  verify: number;
  dossier: number;
  list: boolean;
  search: boolean;
  byLawyer: boolean;
  hearings: boolean;
  complaints: boolean;
  agenda: boolean;
  statsCity: boolean;
  statsTorture: number;
  remindersOfCase: number;
  remindersListed: boolean;
}

const SEES: Sight = {
  detail: 200,
  timeline: 200,
  history: 200,
  verify: 200,
  dossier: 200,
  list: true,
  search: true,
  byLawyer: true,
  hearings: true,
  complaints: true,
  agenda: true,
  statsCity: true,
  statsTorture: 1,
  remindersOfCase: 200,
  remindersListed: true,
};

/** Exactly what a lawyer who never had the case finds. */
const NEVER_HAD_IT: Sight = {
  detail: 404,
  timeline: 404,
  history: 404,
  verify: 404,
  dossier: 404,
  list: false,
  search: false,
  byLawyer: false,
  hearings: false,
  complaints: false,
  agenda: false,
  statsCity: false,
  statsTorture: 0,
  remindersOfCase: 404,
  remindersListed: false,
};

/**
 * Issue 10, item 3: once an unassignment is acknowledged, the removed lawyer reads the case nowhere, however far
 * behind the projector is. The projector is stopped for the whole revocation, so every read model still says the
 * lawyer is assigned: only the revocation recorded by the write path can hide the case.
 */
describe('access revoked at once', () => {
  let t: TestApp;
  let removed: TestUser;
  let kept: TestUser;
  let outsider: TestUser;
  let coordinator: TestUser;
  let caseId: string;
  let projector: ProjectorService;
  let position = 0;

  async function write(token: string, path: string, body: Record<string, unknown>, headers = {}): Promise<Response> {
    const response = await post(t.http, token, path, body, headers);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, response.body.position as number);
    return response;
  }

  /** A read; with `caughtUp`, it waits for every write so far to be projected. */
  function read(user: TestUser, path: string, caughtUp = false): Promise<Response> {
    const call = request(t.http).get(path).set('Authorization', `Bearer ${user.token}`);
    return caughtUp ? call.set('X-Min-Position', String(position)) : call;
  }

  async function items(user: TestUser, path: string, caughtUp: boolean): Promise<Array<Record<string, unknown>>> {
    const response = await read(user, path, caughtUp);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { items: Array<Record<string, unknown>> }).items;
  }

  async function lists(user: TestUser, path: string, caughtUp: boolean): Promise<boolean> {
    return (await items(user, path, caughtUp)).some((item) => item.caseId === caseId);
  }

  async function duplicatesFoundBy(user: TestUser): Promise<string[]> {
    const twin = await write(user.token, '/v1/cases', {
      detainee: { fullName: NAME, city: CITY },
      source: { kind: 'relative' },
    });
    return (twin.body as { possibleDuplicates: Array<{ caseId: string }> }).possibleDuplicates.map((d) => d.caseId);
  }

  async function sightOf(user: TestUser, caughtUp = false): Promise<Sight> {
    const c = `/v1/cases/${caseId}`;
    const status = async (path: string): Promise<number> => (await read(user, path, caughtUp)).status;
    const stats = (await read(user, '/v1/stats', caughtUp)).body as {
      byCity: Array<{ city: string }>;
      tortureAllegations: number;
    };
    const remindersOfCase = await read(user, `/v1/reminders?caseId=${caseId}`, caughtUp);
    return {
      detail: await status(c),
      timeline: await status(`${c}/timeline`),
      history: await status(`${c}/history?asOf=${encodeURIComponent(new Date().toISOString())}`),
      verify: await status(`${c}/verify`),
      dossier: await status(`${c}/dossier`),
      list: await lists(user, '/v1/cases', caughtUp),
      search: await lists(user, `/v1/cases?q=${encodeURIComponent(NAME)}`, caughtUp),
      byLawyer: await lists(user, `/v1/cases?lawyerId=${user.id}`, caughtUp),
      hearings: await lists(user, '/v1/hearings', caughtUp),
      complaints: await lists(user, '/v1/complaints', caughtUp),
      agenda: await lists(user, '/v1/agenda?days=30', caughtUp),
      statsCity: stats.byCity.some((row) => row.city === CITY),
      statsTorture: stats.tortureAllegations,
      // With rows in it: a lawyer's log lists the reminders addressed to them, and both lawyers have some.
      remindersOfCase:
        remindersOfCase.status === 200 && (remindersOfCase.body as { items: unknown[] }).items.length === 0
          ? 204
          : remindersOfCase.status,
      remindersListed: await lists(user, '/v1/reminders', caughtUp),
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    projector = t.app.get(ProjectorService);
    [removed, kept, outsider, coordinator] = await Promise.all([
      createUser(t.http, 'lawyer', 'removed'),
      createUser(t.http, 'lawyer', 'kept'),
      createUser(t.http, 'lawyer', 'outsider'),
      createUser(t.http, 'coordinator'),
    ]);
    const opened = await write(coordinator.token, '/v1/cases', {
      detainee: { fullName: NAME, city: CITY },
      source: { kind: 'relative' },
    });
    caseId = opened.body.caseId as string;
    const c = `/v1/cases/${caseId}`;
    await write(coordinator.token, `${c}/lawyers`, { lawyerId: removed.id, role: 'lead' });
    await write(coordinator.token, `${c}/lawyers`, { lawyerId: kept.id, role: 'support' });
    await write(coordinator.token, `${c}/detention`, { city: CITY, place: 'a street', authority: 'police' });
    await write(coordinator.token, `${c}/hearings`, {
      kind: 'preventive_measure',
      court: 'Shymkent City Court',
      scheduledAt: fromNow(2 * DAY),
    });
    const allegation = await write(coordinator.token, `${c}/torture-allegations`, {
      periodFrom: fromNow(-3 * DAY),
      methods: ['beating'],
      consent: 'full',
    });
    await write(coordinator.token, `${c}/complaints`, {
      allegationId: allegation.body.allegationId,
      filedWith: 'prosecutor',
      responseDueAt: fromNow(3 * DAY),
    });
  });

  afterAll(() => t.close());

  it('an assigned lawyer whose assignment is projected finds the case on every route (the control)', async () => {
    expect(await sightOf(removed, true)).toEqual(SEES);
    expect(await sightOf(kept, true)).toEqual(SEES);
    expect(await sightOf(outsider, true)).toEqual(NEVER_HAD_IT);
  });

  it('once the unassignment is acknowledged, the removed lawyer reads the case nowhere while the projector is stopped', async () => {
    await projector.stop();
    await write(coordinator.token, `/v1/cases/${caseId}/lawyers/${removed.id}/unassign`, { reason: 'conflict' });

    // The read models still say they are assigned: the projector really is behind.
    const projected = await read(coordinator, `/v1/cases/${caseId}`);
    expect((projected.body as { lawyers: Array<{ lawyerId: string }> }).lawyers.map((l) => l.lawyerId)).toContain(
      removed.id,
    );

    expect(await sightOf(removed)).toEqual(NEVER_HAD_IT);
    // Nor may they write: the write path decides from the stream.
    expectError(
      await post(t.http, removed.token, `/v1/cases/${caseId}/notes`, { text: 'still here?' }),
      404,
      'NOT_FOUND',
    );
    // Opening a case for the same person does not point them at the one they lost (it does the lawyer who stays).
    expect(await duplicatesFoundBy(removed)).not.toContain(caseId);
    expect(await duplicatesFoundBy(kept)).toContain(caseId);

    // The lawyer who stays, and the coordinator, lose nothing.
    expect(await sightOf(kept)).toEqual(SEES);
    expect((await read(coordinator, `/v1/cases/${caseId}`)).status).toBe(200);
  });

  it('a reminder falling due for the removed lawyer is not delivered; the lawyer who stays gets theirs', async () => {
    const pool = new Pool({ connectionString: t.database.url, max: 2 });
    const sent: Array<{ address: string; caseId: string }> = [];
    const channel: ReminderChannel = {
      name: 'recording',
      addressOf: (recipient) => recipient.email,
      send: async (address, reminder) => {
        sent.push({ address, caseId: reminder.caseId });
      },
    };
    try {
      const delivery = new ReminderDelivery(pool, [channel], 'http://casetrack.test');
      const { rows } = await pool.query<{ id: string; recipient_user_id: string; due_at: Date }>(
        `SELECT DISTINCT ON (recipient_user_id) id, recipient_user_id, due_at FROM reminders
          WHERE case_id = $1 AND state = 'pending' ORDER BY recipient_user_id, due_at`,
        [caseId],
      );
      const due = (user: TestUser) => {
        const row = rows.find((r) => r.recipient_user_id === user.id);
        if (!row) throw new Error(`no pending reminder for ${user.id}`);
        return { reminderId: row.id, dueAt: row.due_at.getTime(), attempt: 1, last: false };
      };
      expect(await delivery.deliver(due(removed))).toBe('cancelled');
      expect(sent).toEqual([]);
      expect(await delivery.deliver(due(kept))).toBe('sent');
      expect(sent.map((s) => s.caseId)).toEqual([caseId]);
    } finally {
      await pool.end();
    }
  });

  it('a re-assignment is granted only once projected; the revocation never outlives it', async () => {
    await write(coordinator.token, `/v1/cases/${caseId}/lawyers`, { lawyerId: removed.id, role: 'lead' });
    expect((await read(removed, `/v1/cases/${caseId}`)).status).toBe(404);

    await projector.start();
    expect(await sightOf(removed, true)).toEqual(SEES);
  });

  it('an unassignment acknowledged on a retry, after the first attempt appended but stopped before answering, revokes too', async () => {
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      await projector.stop();
      const key = 'unassign-after-a-crash';
      const path = `/v1/cases/${caseId}/lawyers/${removed.id}/unassign`;
      await write(coordinator.token, path, {}, { 'Idempotency-Key': key });
      // What a process that died right after the append leaves behind: the event, and nothing the write path does next.
      await db.query(`DELETE FROM idempotency_keys WHERE key = $1`, [key]);
      await db.query(`DELETE FROM case_access_revocations WHERE case_id = $1`, [caseId]);

      const retried = await post(t.http, coordinator.token, path, {}, { 'Idempotency-Key': key });
      expect(retried.status).toBe(201);
      expect((await read(removed, `/v1/cases/${caseId}`)).status).toBe(404);
    } finally {
      await db.end();
      await projector.start();
    }
  });

  it('a refusal that says the lawyer is not assigned revokes too (the retry without a key of a write that died)', async () => {
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      await projector.stop();
      await write(coordinator.token, `/v1/cases/${caseId}/lawyers`, { lawyerId: removed.id, role: 'lead' });
      await projector.start();
      expect((await read(removed, `/v1/cases/${caseId}`, true)).status).toBe(200);

      await projector.stop();
      const path = `/v1/cases/${caseId}/lawyers/${removed.id}/unassign`;
      await write(coordinator.token, path, {});
      await db.query(`DELETE FROM case_access_revocations WHERE case_id = $1`, [caseId]);
      expectError(await post(t.http, coordinator.token, path, {}), 422, 'LAWYER_NOT_ASSIGNED');
      expect((await read(removed, `/v1/cases/${caseId}`)).status).toBe(404);
    } finally {
      await db.end();
      await projector.start();
    }
  });
});
