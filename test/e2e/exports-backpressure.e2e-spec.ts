import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import request from 'supertest';
import { insertCases } from '../bench/export.bench';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { parseCsv, readXlsx } from './exports/read-back';

/**
 * Enough cases for a CSV file many times larger than a batch (1,000 rows) and than what loopback's socket buffers
 * take in (about 5 MB here).
 */
const CASES = 50_000;
/** What the server may hold for a reader that has stopped reading: about a batch's bytes, never the file's. */
const HELD = 2 * 2 ** 20;

/**
 * An export to a reader who stops reading: the server waits for it (a response's `drain`) instead of reading on and
 * buffering the rest of the file, goes on where it stopped when the reader does, and lets go of everything when the
 * reader goes away. (An xlsx file of these cases is small enough to fit in the sockets' buffers whole: its sheet's
 * compression is checked for order and completeness here, and its release when given up in table-files.spec.ts.)
 */
describe('exports to a slow reader', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let base: string;
  let response: http.ServerResponse | null = null;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    const lawyers = [await createUser(t.http, 'lawyer'), await createUser(t.http, 'lawyer')];
    const pool = new Pool({ connectionString: t.database.url, max: 1 });
    try {
      await insertCases(
        pool,
        0,
        CASES,
        lawyers.map((lawyer) => lawyer.id),
      );
    } finally {
      await pool.end();
    }
    const server = t.app.getHttpServer() as http.Server;
    // The server's side of each export, to see what it holds (observed, not changed).
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url?.startsWith('/v1/cases/export')) response = res;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await t.close();
  });

  /** Opens an export and stops reading once its headers are in. */
  async function opened(
    format: 'csv' | 'xlsx',
  ): Promise<{ client: http.IncomingMessage; server: http.ServerResponse }> {
    response = null;
    const client = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${base}/v1/cases/export?format=${format}`, {
          headers: { authorization: `Bearer ${coordinator.token}` },
          // A connection of its own: one kept alive from the test before may be closed by the server as it is reused.
          agent: false,
        })
        .on('response', (res) => {
          res.pause();
          resolve(res);
        })
        .on('error', reject);
    });
    expect(client.statusCode).toBe(200);
    const server = response as http.ServerResponse | null;
    if (server === null) throw new Error('the export was not seen on the server');
    return { client, server };
  }

  /**
   * Until the server waits for the reader (the export's one listener for `drain` on its response) or has finished
   * (then the whole file fitted in the sockets' buffers, and the test's file is too small to tell anything).
   */
  async function waiting(server: http.ServerResponse): Promise<void> {
    while (server.listenerCount('drain') === 0 && !server.writableFinished) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(server.writableFinished).toBe(false);
  }

  function readAll(client: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      client.on('data', (chunk: Buffer) => chunks.push(chunk));
      client.on('end', () => resolve(Buffer.concat(chunks)));
      client.on('error', reject);
      client.resume();
    });
  }

  it('CSV: holds about a batch while the reader waits, then sends the rest where it stopped', async () => {
    const { client, server } = await opened('csv');
    await waiting(server);
    const sent = server.socket?.bytesWritten ?? 0;
    expect(server.writableLength).toBeLessThanOrEqual(HELD);

    const body = await readAll(client);
    // What had left the server while the reader waited was a small part of the file.
    expect(sent + HELD).toBeLessThan(body.length / 2);
    const rows = parseCsv(body.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(CASES + 1);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(CASES);
  });

  it('xlsx: every row of many batches, compressed off the main thread, arrives in order', async () => {
    const { client } = await opened('xlsx');
    const rows = readXlsx(new Uint8Array(await readAll(client)))[0].rows;
    expect(rows).toHaveLength(CASES + 1);
    const ids = rows.slice(1).map((row) => String(row[0]));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(CASES);
  });

  it('lets an export go when its reader goes away, and goes on answering', async () => {
    const { client, server } = await opened('csv');
    await waiting(server);
    const closed = new Promise((resolve) => server.once('close', resolve));
    client.destroy();
    await closed;
    expect(server.writableFinished).toBe(false);
    const list = await request(t.http).get('/v1/cases').set('Authorization', `Bearer ${coordinator.token}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(CASES);
  });
});
