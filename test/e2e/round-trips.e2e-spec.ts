import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { KEEP_ALIVE_MS } from '../../apps/api/src/bootstrap';
import { expectWritten, get, post } from '../support/e2e';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';

/** The statements the requests of one action sent to PostgreSQL, in order (pg's Client.query, watched). */
interface Watched {
  statements: string[];
}

const watching = new AsyncLocalStorage<Watched>();
let watched: Watched | null = null;

type Query = (...args: unknown[]) => unknown;
const query = Client.prototype.query as unknown as Query;

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  const config = first as { text?: string; name?: string };
  return config.text ?? `(prepared ${config.name ?? 'statement'})`;
}

/** The token's lookup: reused for a moment after it is made, so whether a request makes it depends on timing. */
const isAuthentication = (text: string): boolean => /FROM access_tokens t JOIN users u/.test(text);

/**
 * Every write and every read a person makes costs PostgreSQL round trips; each was cut to what the answer needs
 * (issue 13). These are the counts, statement by statement, so that a new query on the hot paths is a decision and
 * not an accident: a note in one statement, a keyed note in three (the key's record read, the append, the record
 * written), a replay in one, a case read in one that also writes its access log row.
 */
describe('database round trips per request', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let caseId: string;
  let pool: Pool;

  /** The statements the requests made while `action` ran, the token's lookup left out. */
  async function statementsOf(action: () => Promise<unknown>): Promise<string[]> {
    watched = { statements: [] };
    try {
      await action();
      return watched.statements.filter((text) => !isAuthentication(text)).map((text) => text.replace(/\s+/g, ' '));
    } finally {
      watched = null;
    }
  }

  beforeAll(async () => {
    (Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args: unknown[]): unknown {
      watching.getStore()?.statements.push(textOf(args[0]));
      return query.apply(this, args);
    };
    t = await startTestApp();
    // Before Express's own listener, in the same emit: everything the request starts sees the store.
    (t.app.getHttpServer() as Server).prependListener('request', () => {
      if (watched !== null) watching.enterWith(watched);
    });
    pool = new Pool({ connectionString: t.database.url, max: 2 });
    coordinator = await createUser(t.http, 'coordinator');
    const opened = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: 'Counted Trips', city: 'Almaty' },
      source: { kind: 'relative' },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId as string;
    // The case is now in this process's write cache, as it is for anyone adding to a case they are working on.
    expectWritten(
      await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'First visit' }),
      caseId,
      2,
    );
  });

  afterAll(async () => {
    (Client.prototype as unknown as { query: Query }).query = query;
    await pool.end();
    await t.close();
  });

  it('a note without a key: the append alone', async () => {
    const statements = await statementsOf(async () => {
      expectWritten(await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'Second' }), caseId, 3);
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/INSERT INTO events/);
  });

  it("a note with an Idempotency-Key: the key's record read, the append, the record written; its replay: the read", async () => {
    const note = `/v1/cases/${caseId}/notes`;
    const headers = { 'Idempotency-Key': 'round-trips-note-1' };
    let first: Record<string, unknown> = {};
    const written = await statementsOf(async () => {
      const answer = await post(t.http, coordinator.token, note, { text: 'Keyed' }, headers);
      expectWritten(answer, caseId, 4);
      first = answer.body as Record<string, unknown>;
    });
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^SELECT .* FROM idempotency_keys/);
    expect(written[1]).toMatch(/INSERT INTO events/);
    expect(written[2]).toMatch(/^INSERT INTO idempotency_keys/);

    const replayed = await statementsOf(async () => {
      const answer = await post(t.http, coordinator.token, note, { text: 'Keyed' }, headers);
      expectWritten(answer, caseId, 4);
      expect(answer.headers['idempotent-replayed']).toBe('true');
      expect(answer.body).toEqual(first);
    });
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatch(/^SELECT .* FROM idempotency_keys/);

    // The same key with another body is still refused, from the record alone.
    const reused = await statementsOf(async () => {
      const answer = await post(t.http, coordinator.token, note, { text: 'Another text' }, headers);
      expect(answer.status).toBe(422);
    });
    expect(reused).toHaveLength(1);
  });

  it("a case's detail: one statement, which also writes the access log row of every read it answers", async () => {
    const logged = async (): Promise<number> => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_access_log WHERE case_id = $1 AND user_id = $2 AND view = 'detail'`,
        [caseId, coordinator.id],
      );
      return rows[0].n;
    };
    const { rows } = await pool.query<{ position: string }>(
      `SELECT max(position) AS position FROM events WHERE stream_id = $1`,
      [`case-${caseId}`],
    );
    // Waits for the read models once, outside the count (the wait polls).
    const caughtUp = await request(t.http)
      .get(`/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', rows[0].position);
    expect(caughtUp.status).toBe(200);
    const before = await logged();

    const statements = await statementsOf(async () => {
      for (let i = 0; i < 3; i += 1) {
        const answer = await get(t.http, coordinator.token, `/v1/cases/${caseId}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ caseId, version: 4 });
      }
    });
    expect(statements).toHaveLength(3);
    for (const text of statements) expect(text).toMatch(/INSERT INTO case_access_log/);
    expect(await logged()).toBe(before + 3);
  });

  it("keeps a client's connection open between its requests, and says for how long", async () => {
    // The application's own server (supertest opens a connection per request, and closes it).
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const call = (): Promise<{ reused: boolean; keepAlive: string | string[] | undefined }> =>
      new Promise((resolve, reject) => {
        const sent = http.get(
          {
            host: '127.0.0.1',
            port: (server.address() as AddressInfo).port,
            path: `/v1/cases/${caseId}`,
            agent,
            headers: { authorization: `Bearer ${coordinator.token}` },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ reused: sent.reusedSocket, keepAlive: response.headers['keep-alive'] }));
          },
        );
        sent.on('error', reject);
      });
    try {
      const first = await call();
      const second = await call();
      expect(first).toEqual({ reused: false, keepAlive: `timeout=${KEEP_ALIVE_MS / 1000}` });
      expect(second.reused).toBe(true);
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
