import { type ChildProcess, spawn } from 'node:child_process';
import { createLogger } from '@casetrack/config';
import { waitForRedis } from '@casetrack/reminders';
import { freePort } from '../support/free-port';

/** The standalone worker's start-up: it waits for a Redis that is not there yet, and says so. */
describe('waitForRedis', () => {
  const lines: string[] = [];
  const logger = createLogger('info', 'test', { write: (line: string) => void lines.push(line) });
  let server: ChildProcess | null = null;

  afterEach(async () => {
    const running = server;
    server = null;
    lines.length = 0;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  });

  it('waits for a Redis that starts late, saying what it waits for, and goes on once it answers', async () => {
    const port = await freePort();
    const waiting = waitForRedis(`redis://127.0.0.1:${port}`, 30_000, logger);
    while (!lines.some((line) => line.includes('"waiting for Redis"'))) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waiting;
    expect(lines.some((line) => line.includes('"Redis is available"'))).toBe(true);
  });

  it('gives up with the connection error once its time is up', async () => {
    const port = await freePort();
    // Long enough for a retry even when a loaded machine takes a while to refuse the first connection.
    await expect(waitForRedis(`redis://127.0.0.1:${port}`, 2_000, logger)).rejects.toThrow(/ECONNREFUSED/);
    expect(lines.some((line) => line.includes('"waiting for Redis"'))).toBe(true);
  });
});
