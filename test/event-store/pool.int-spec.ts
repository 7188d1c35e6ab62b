import { Client } from 'pg';
import { createPool, inTransaction } from '../../libs/event-store/src/postgres';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Ends the server process behind a connection, as a database restart does. */
async function terminate(url: string, pid: number): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('createPool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('survives the server killing an idle connection: it reports it and the next query reconnects', async () => {
    const warnings: string[] = [];
    const pool = createPool(db.url, { max: 1, logger: { warn: (_fields, message) => warnings.push(message) } });
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(db.url, rows[0].pid);
      const deadline = Date.now() + 5_000;
      while (warnings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(warnings).toEqual(['idle database connection lost']);

      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0].pid).not.toBe(rows[0].pid);
    } finally {
      await pool.end();
    }
  });

  it('a connection lost while a transaction holds it fails the transaction, not the process, and is not reused', async () => {
    const pool = createPool(db.url, { max: 1 });
    try {
      let lostPid = 0;
      const transaction = inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        lostPid = rows[0].pid;
        // 'end' follows the client's 'error' event: by then an unheard 'error' would have ended the process.
        const ended = new Promise((resolve) => client.once('end', resolve));
        await terminate(db.url, lostPid);
        await ended;
        await client.query('SELECT 1');
      });
      await expect(transaction).rejects.toThrow(/not queryable|Connection terminated|terminating connection/);

      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0].pid).not.toBe(lostPid);
    } finally {
      await pool.end();
    }
    // Without the listener the unheard 'error' interrupts the client before 'end': fail soon rather than at 60 s.
  }, 10_000);
});
