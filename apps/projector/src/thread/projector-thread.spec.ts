import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, loadConfig } from '@casetrack/config';
import { until } from '../../../../test/support/until';
import { ProjectorThread } from './projector-thread';

/** Threads of the tests' own (plain JavaScript) in place of the projector's, to start as ProjectorThread does. */
describe('ProjectorThread start', () => {
  const config = loadConfig({ NODE_ENV: 'test', MASTER_KEY: '11'.repeat(32) });
  const logger = createLogger('silent');
  let directory: string;
  const script = (name: string, code: string): string => {
    const file = path.join(directory, `${name}.js`);
    writeFileSync(file, code);
    return file;
  };

  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'projector-thread-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('ends a thread that never says it follows the feed, and the start fails with the reason', async () => {
    // Keeps its event loop busy forever and never posts 'ready'.
    const file = script('stuck', 'setInterval(() => {}, 1000);');
    const thread = new ProjectorThread(config, logger, { file, startMs: 300 });
    await expect(thread.onApplicationBootstrap()).rejects.toThrow('did not start within 300 ms');
    expect(thread.running).toBe(false);
    // The thread was ended: a stop has no thread left to ask and returns without waiting for one.
    await until('the thread is ended', () => (thread as unknown as { worker: unknown }).worker === null);
    await thread.onApplicationShutdown();
  });

  it('starts a thread that says it follows the feed, and stops it when asked', async () => {
    const file = script(
      'ready',
      `const { parentPort } = require('node:worker_threads');
       const timer = setInterval(() => {}, 1000);
       parentPort.on('message', (m) => { if (m.kind === 'stop') { clearInterval(timer); parentPort.postMessage({ kind: 'stopped' }); parentPort.close(); } });
       parentPort.postMessage({ kind: 'ready' });`,
    );
    const thread = new ProjectorThread(config, logger, { file, startMs: 30_000 });
    await thread.onApplicationBootstrap();
    expect(thread.running).toBe(true);
    await thread.onApplicationShutdown();
    expect(thread.running).toBe(false);
  });

  it('fails the start of a thread that exits before it is ready', async () => {
    const file = script('exits', 'process.exit(3);');
    const thread = new ProjectorThread(config, logger, { file, startMs: 30_000 });
    await expect(thread.onApplicationBootstrap()).rejects.toThrow('exited (code 3) before it started');
    expect(thread.running).toBe(false);
  });
});
