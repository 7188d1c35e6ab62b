import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's real entry point in a process of its own, as `node dist/apps/cli/src/main.js` runs it, from source. */
function casetrackCli(args: readonly string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
    { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const finished: Finished = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (finished.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (finished.stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ ...finished, code }));
  });
}

describe('casetrack-cli as a process', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  async function caseStreams(): Promise<number> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows: found } = await client.query<{ events: string | null }>(
        "SELECT to_regclass('events')::text AS events",
      );
      // No events table: nothing ran, not even the migrations.
      if (found[0].events === null) return 0;
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE stream_id LIKE 'case-%'",
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('exits with 2 and the usage of seed for the misspelt --case, and writes nothing', async () => {
    const result = await casetrackCli(['seed', '--case', '10'], { DATABASE_URL: db.url });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^casetrack-cli seed: unknown option --case \(did you mean --cases\?\)\n\n/);
    expect(result.stderr).toContain('usage: casetrack-cli seed --cases <n> [--seed <s>] [--concurrency <c>]\n');
    expect(await caseStreams()).toBe(0);
  });

  it('seeds exactly the cases asked for, with progress lines (no bar) on a stderr that is not a terminal', async () => {
    const result = await casetrackCli(['seed', '--cases', '3', '--seed', '7', '--concurrency', '1'], {
      DATABASE_URL: db.url,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Seeded 3 cases, \d+ events in /);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^seed \[#{30}\] 3\/3 100\.0% \d+ cases\/s \d+ events\/s$/,
    );
    expect(await caseStreams()).toBe(3);
  });
});
