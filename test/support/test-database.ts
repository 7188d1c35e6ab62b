import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../migrations/data-source';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'casetrack_test_';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. Its name always starts with `casetrack_test_`,
 * and `drop` refuses any other name, so a test can never touch a database that is not its own.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `${PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await runMigrations(url.toString());
  return { name, url: url.toString(), drop: () => dropTestDatabase(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.startsWith(PREFIX)) throw new Error(`Refusing to drop ${name}: not a test database`);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await waitForConnectionsToClose(admin, name);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * A pool's `end()` resolves once its clients are told to close, a moment before the server sees them go. Forcing the
 * drop in that moment makes the server kill them, and a client that hears of its own death from the server raises an
 * unhandled error in the test process. So wait for the test's own connections to leave first; force only stragglers
 * (a test that forgot to close something), after a grace period.
 */
async function waitForConnectionsToClose(admin: Client, name: string, graceMs = 5_000): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
