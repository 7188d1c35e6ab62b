/**
 * The service as a child process of a benchmark's driver, so that the driver's clients never share its event loop:
 * `createApp` from the sources (ts-node, as the bench scripts run), ROLES as given, on a free port.
 * The driver may ask it for a CPU profile of what it measures (`profiler`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type http from 'node:http';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '@casetrack/config';
import { createApp } from '../../../apps/api/src/bootstrap';

export interface Child {
  process: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

type ProfileMessage = { profile: 'start' } | { profile: 'stop'; file: string };

/**
 * `script` run again in a child with the TypeScript hooks the npm scripts use, `role` as its argument; resolves once
 * the child sends `{port}`.
 */
export function startChild(script: string, role: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    [...nodeFlags(), '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, role],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${String(code)} before it was ready`)));
    child.once('message', ({ port }: { port: number }) => {
      child.removeAllListeners('exit');
      resolve({
        process: child,
        port,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Node.js flags for the children (BENCH_NODE_FLAGS, e.g. `--trace-gc` with BENCH_CHILD_STDOUT=1 to see it). */
function nodeFlags(): string[] {
  return (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
}

/**
 * A bench service's environment: the production log level (one line per request, as a deployment writes it), no rate
 * limit, and the bench's admin made at start.
 */
export function serviceEnv(
  databaseUrl: string,
  roles: string,
  admin: { email: string; password: string },
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ROLES: roles,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
  };
}

/** The service, with `env` (DATABASE_URL, ROLES, ...) over the driver's own environment. */
export function startService(env: Record<string, string>): Promise<Child> {
  return startChild(__filename, 'service', env);
}

/** Asks a service child to start or stop its CPU profiler; resolves once it has. */
export function profiler(child: Child, message: ProfileMessage): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('message', () => resolve());
    child.process.send(message);
  });
}

/** The port a listening server was given. */
export function portOf(server: http.Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a port');
  return address.port;
}

async function serve(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  await app.listen(0, '127.0.0.1');
  process.on('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
  // A profile covers only what the driver asks for (its load), not the start-up and its compilation.
  const session = new Session();
  process.on('message', (message: ProfileMessage) => {
    void (async () => {
      if (message.profile === 'start') {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
      } else {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
      }
      process.send?.('profiled');
    })();
  });
  process.send?.({ port: portOf(app.getHttpServer() as http.Server) });
}

if (require.main === module && process.argv[2] === 'service') {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
