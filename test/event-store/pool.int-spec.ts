import { Client } from 'pg';
import { createPool } from '../../libs/event-store/src/postgres';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

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
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      } finally {
        await admin.end();
      }
      const deadline = Date.now() + 5_000;
      while (warnings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(warnings).toEqual(['idle database connection lost']);

      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0].pid).not.toBe(rows[0].pid);
    } finally {
      await pool.end();
    }
  });
});
