import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../support/free-port';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { assertBuildIsFresh } from './build-check';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRY = 'dist/apps/api/src/main.js';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Start-up migrates a fresh database: generous on a loaded two-core machine, still far below jest's timeout. */
const STARTUP_LIMIT_MS = 60_000;

export const BOOTSTRAP_ADMIN = { email: 'admin@casetrack.test', password: 'bootstrap-admin-password' };

export interface RunningService {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** Everything the process wrote, for a failing test's message (it logs no typed text: pino, structured). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Run on this database (kept afterwards) instead of a fresh one that is dropped on stop (the console bench). */
  databaseUrl?: string;
  env?: Record<string, string>;
}

/**
 * The real service the way `npm start` runs it: the built `node dist/apps/api/src/main.js` with every role (api,
 * projector, worker) in one process, NODE_ENV unset (development), migrations applied by the service itself on its
 * own fresh database, a fresh master key and the bootstrap admin. It serves a copy of dist/web (CONSOLE_DIR) taken
 * at start. Redis is the real one; the service's keys carry its
 * database's name as prefix and are deleted on stop.
 */
export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  assertBuildIsFresh();
  // The console's files as built now, copied: a `npm run build` elsewhere (another jest worker, a developer) empties
  // dist/web while it writes, and the running service would answer 503 or lose the chunks its pages ask for.
  const consoleDirectory = mkdtempSync(join(tmpdir(), 'casetrack-console-'));
  try {
    cpSync(join(ROOT, 'dist', 'web'), consoleDirectory, { recursive: true });
  } catch (error) {
    rmSync(consoleDirectory, { recursive: true, force: true });
    throw error;
  }
  const database: TestDatabase | null = options.databaseUrl ? null : await createTestDatabase({ migrate: false });
  const databaseUrl = options.databaseUrl ?? (database as TestDatabase).url;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    MASTER_KEY: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    CONSOLE_DIR: consoleDirectory,
    ...options.env,
  };
  const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await stopProcess(child);
    await deleteRedisKeys(`casetrack:${new URL(databaseUrl).pathname.slice(1)}:`);
    await database?.drop();
    rmSync(consoleDirectory, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}

/** Polls GET /health until it answers 200; fails at once, with the process's output, if the process exits. */
async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The service exited (${child.exitCode ?? child.signalCode}) while starting:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet: migrations run before the port opens.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The service did not answer /health with 200 within ${STARTUP_LIMIT_MS} ms:\n${output()}`);
}

/** SIGTERM (the service closes its connections), then SIGKILL if it has not exited after ten seconds. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
