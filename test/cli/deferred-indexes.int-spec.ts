import { Pool } from 'pg';
import { PostgresEventStore } from '@casetrack/event-store';
import { buildIndexes } from '../../apps/cli/src/rebuild/deferred-indexes';
import { newEvent, uniqueStream } from '../event-store/helpers';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { until } from '../support/until';

const SCHEMA = 'deferred_indexes_test';

/** How many statements of this database are running that start with `statement` and name the test's schema. */
async function running(pool: Pool, statement: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'active' AND query LIKE $1 || '%' AND query LIKE '%${SCHEMA}%'`,
    [statement],
  );
  return rows[0].n;
}

const TRIGRAM_BUILD = 'CREATE INDEX% cases_name_keys_idx ';

/**
 * The feed delivers nothing written after the oldest transaction id still running in the cluster. A rebuild's
 * deferred trigram index takes seconds to build: built plainly, it would hold every live write back that long.
 */
describe('the rebuild builds its slow indexes without holding the live feed back', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 8 });
    await pool.query(`CREATE SCHEMA ${SCHEMA}`);
    await pool.query(`CREATE TABLE ${SCHEMA}.cases (case_id int, name_keys text)`);
    await pool.query(`CREATE TABLE ${SCHEMA}.hearings (case_id int)`);
    await pool.query(`CREATE TABLE ${SCHEMA}.complaints (case_id int)`);
    // Enough text that the trigram build runs for seconds.
    await pool.query(
      `INSERT INTO ${SCHEMA}.cases SELECT i, md5(i::text) || ' ' || md5((i * 7)::text) FROM generate_series(1, 300000) i`,
    );
  }, 120_000);

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('delivers an event appended while the trigram index is built, and starts work on that table after it', async () => {
    const store = new PostgresEventStore(pool);
    const before = await store.readAll({ after: 0, limit: 1_000 });
    const jobSawBuilds: number[] = [];
    const building = buildIndexes(
      pool,
      SCHEMA,
      [
        {
          table: 'cases',
          definition: `CREATE INDEX cases_name_keys_idx ON ${SCHEMA}.cases USING gin (name_keys gin_trgm_ops)`,
        },
        { table: 'cases', definition: `CREATE INDEX cases_case_idx ON ${SCHEMA}.cases USING btree (case_id)` },
        { table: 'hearings', definition: `CREATE INDEX hearings_case_idx ON ${SCHEMA}.hearings USING btree (case_id)` },
      ],
      [async () => void jobSawBuilds.push(await running(pool, TRIGRAM_BUILD))],
    );
    try {
      await until('the trigram index is being built', async () => (await running(pool, TRIGRAM_BUILD)) > 0);
      const appended = newEvent();
      await store.append(uniqueStream('live'), [appended], 'no_stream');
      // The build's first moment (its catalog row) holds an id too, for milliseconds; the rest of the build must not.
      const delivered = async (): Promise<boolean> => {
        const feed = await store.readAll({ after: before.checkpoint, limit: 1_000 });
        return feed.events.some((event) => event.eventId === appended.eventId);
      };
      await until('the feed delivers the event', delivered);
      expect(await running(pool, TRIGRAM_BUILD)).toBe(1);
    } finally {
      await building;
    }
    const { rows } = await pool.query<{ name: string; valid: boolean }>(
      `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 1`,
      [SCHEMA],
    );
    expect(rows).toEqual([
      { name: 'cases_case_idx', valid: true },
      { name: 'cases_name_keys_idx', valid: true },
      { name: 'hearings_case_idx', valid: true },
    ]);
    // The statistics' count alters `cases`: beside a concurrent build of that table it would deadlock.
    expect(jobSawBuilds).toEqual([0]);
  }, 120_000);
});
