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
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
