import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { csv, read, rejectedRows, send, upload, waitUntilDone } from './imports/import-client';

const ROOT = join(__dirname, '..', '..');
const ADMIN = { email: 'admin@casetrack.test', password: 'crash-test-admin-password' };
/**
 * Rows of the list; every 40th has a date nobody can read, so the commit rejects some as it goes. Enough that a quiet
 * machine, settling 16 rows side by side, is still committing when the test has seen the first ones settled.
 */
const ROWS = 1000;
const BROKEN_EVERY = 40;
/** Start-up compiles the service from source on a loaded machine: generous, still below the test's limit. */
const STARTUP_LIMIT_MS = 90_000;

/** The API as `node apps/api/src/main.ts` runs it, from source, in a process of its own that the test may kill. */
class ServiceProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly databaseUrl: string,
    private readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          PORT: String(this.port),
          DATABASE_URL: this.databaseUrl,
          BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
          BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
          RATE_LIMIT_PER_MINUTE: '0',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + STARTUP_LIMIT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the service exited while starting:\n${this.output}`);
      }
      try {
        if ((await fetch(`${this.url}/openapi.json`)).status === 200) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`the service did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** As a crash would: no shutdown hook runs, connections are cut. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const answer = await request(url).post('/v1/auth/login').send({ email, password });
  if (answer.status !== 200) throw new Error(`login: ${answer.status}`);
  return answer.body.accessToken as string;
}

/** Issue 17, item 4: a crash in the middle of a commit, a restart, and every row recorded exactly once. */
describe('an import commit killed half-way', () => {
  let db: TestDatabase;
  let pg: Client;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    service = new ServiceProcess(db.url, await freePort());
  });
  afterAll(async () => {
    await service?.stop();
    await pg?.end();
    await db?.drop();
  });

  it('resumes after a restart and records every row once, none lost, the broken ones listed', async () => {
    await service.start();
    const admin = await signIn(service.url, ADMIN.email, ADMIN.password);
    const created = await send(service.url, admin, '/v1/users', {
      email: 'coordinator@casetrack.test',
      name: 'Coordinator',
      role: 'coordinator',
      password: 'a-long-test-password',
      timeZone: 'Asia/Almaty',
    });
    expect(created.status).toBe(201);
    const token = await signIn(service.url, 'coordinator@casetrack.test', 'a-long-test-password');

    const lines = [['ФИО', 'Город', 'Дата задержания', 'Статья', 'Примечание']];
    for (let n = 1; n <= ROWS; n++) {
      const date = n % BROKEN_EVERY === 0 ? 'когда-то' : `${String((n % 28) + 1).padStart(2, '0')}.01.2022`;
      // A town of its own per row: names alike across rows (digits are not part of a name) are not duplicates.
      lines.push([`Person${n} Testov${n}`, `Town ${n}`, date, '272', `row ${n}`]);
    }
    const up = await upload(service.url, token, csv(lines), 'big.csv');
    expect(up.status).toBe(201);
    const importId = up.body.importId as string;
    const mapping = {
      ФИО: 'fullName',
      Город: 'city',
      'Дата задержания': 'detainedAt',
      Статья: 'article',
      Примечание: 'note',
    };
    expect((await send(service.url, token, `/v1/imports/${importId}/commit`, { mapping })).status).toBe(202);

    // Killed once some rows are settled and others not.
    for (;;) {
      const status = await read(service.url, token, `/v1/imports/${importId}`);
      const settled = (status.body.recorded as number) + (status.body.rejected as number);
      if (settled > 0 && settled < ROWS) break;
      if (status.body.status === 'done') throw new Error('the commit finished before it could be interrupted');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await service.kill();

    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows: atCrash } = await pg.query<{ status: string; settled: number }>(
      `SELECT status, recorded + rejected + skipped AS settled FROM imports WHERE id = $1`,
      [importId],
    );
    expect(atCrash[0].status).toBe('committing');
    expect(atCrash[0].settled).toBeLessThan(ROWS);

    await service.start();
    const again = await signIn(service.url, 'coordinator@casetrack.test', 'a-long-test-password');
    const broken = Math.floor(ROWS / BROKEN_EVERY);
    expect(await waitUntilDone(service.url, again, importId, 120_000)).toMatchObject({
      status: 'done',
      rows: ROWS,
      recorded: ROWS - broken,
      rejected: broken,
      skipped: 0,
    });

    // Every row settled once, each recorded row on a case of its own with each of its facts once.
    const { rows: outcomes } = await pg.query<{ outcome: string; n: number; cases: number }>(
      `SELECT outcome, count(*)::int AS n, count(DISTINCT case_id)::int AS cases
         FROM import_rows WHERE import_id = $1 GROUP BY outcome ORDER BY outcome`,
      [importId],
    );
    expect(outcomes).toEqual([
      { outcome: 'recorded', n: ROWS - broken, cases: ROWS - broken },
      { outcome: 'rejected', n: broken, cases: 0 },
    ]);
    const { rows: facts } = await pg.query<{ row: number; type: string; n: number }>(
      `SELECT (metadata->'importedFrom'->>'row')::int AS row, type, count(*)::int AS n FROM events
        WHERE metadata->'importedFrom'->>'importId' = $1 GROUP BY 1, 2`,
      [importId],
    );
    expect(facts.filter((fact) => fact.n !== 1)).toEqual([]);
    expect(facts).toHaveLength((ROWS - broken) * 4);
    const perRow = new Map<number, string[]>();
    for (const fact of facts) perRow.set(fact.row, [...(perRow.get(fact.row) ?? []), fact.type]);
    for (const types of perRow.values()) {
      expect(types.sort()).toEqual(['CaseOpened', 'ChargeBrought', 'DetentionRecorded', 'NoteAdded']);
    }
    const { rows: streams } = await pg.query<{ events: number }>(
      `SELECT count(*)::int AS events FROM events
        WHERE metadata->'importedFrom'->>'importId' = $1 GROUP BY stream_id HAVING count(*) <> 4`,
      [importId],
    );
    expect(streams).toEqual([]);
    // One stored first answer per write: a write repeated after the crash was replayed, not appended again.
    const { rows: keys } = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE $1`,
      [`import:${importId}:%`],
    );
    expect(keys[0].n).toBe((ROWS - broken) * 4);

    const rejected = await rejectedRows(service.url, again, importId);
    expect(rejected.slice(1).map((line) => Number(line[5]))).toEqual(
      Array.from({ length: broken }, (_, i) => (i + 1) * BROKEN_EVERY + 1),
    );
    for (const line of rejected.slice(1)) expect(line[6].length).toBeGreaterThan(5);
  }, 240_000);
});
