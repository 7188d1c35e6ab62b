import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { type AppConfig, type Logger, startThread } from '@casetrack/config';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './messages';

/** A thread that died is started again after this long, doubling up to the cap, while the API goes on. */
const RESTART_MS = 1_000;
const RESTART_CAP_MS = 30_000;
/** How long a stop waits for the thread's batch in flight and its connections before ending it. */
const STOP_MS = 10_000;
/**
 * How long a thread may take to say it follows the feed. Built, it takes a second or two; one that takes longer is
 * stuck, and is ended: at the application's start the start fails with a reason (the API does not wait forever
 * without listening), later it is tried again like a thread that died.
 */
const START_MS = 120_000;

export interface ProjectorThreadOptions {
  /** The thread's script (tests give one of their own); the projector's by default. */
  file?: string;
  startMs?: number;
}

/**
 * The projector on a worker thread of the API's process (projector-thread.worker.ts), so that the two never wait
 * for each other's event loop: under a burst of writes the projector's batches, run between requests, held their
 * transactions open for as long as the requests took, and every later event waited for them. Started with the
 * application and stopped before its connections close, like the in-process projector; a thread that dies is
 * started again (the checkpoint makes that safe), while the API goes on recording.
 */
export class ProjectorThread implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker | null = null;
  /** The thread's projector follows the feed (false while it starts, after it died and until it is started again). */
  private ready = false;
  private stopping = false;
  private restartMs = RESTART_MS;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly logger: Logger,
    private readonly options: ProjectorThreadOptions = {},
  ) {}

  get running(): boolean {
    return this.ready;
  }

  /** Resolves once the thread's projector follows the feed; rejects when the thread cannot start. */
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.ready = false;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    const stopped = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      worker.on('message', (message: FromProjectorThread) => message.kind === 'stopped' && done());
      worker.once('exit', done);
    });
    worker.postMessage({ kind: 'stop' } satisfies ToProjectorThread);
    await stopped;
    await worker.terminate();
  }

  private start(): Promise<void> {
    const data: ProjectorThreadData = this.config;
    const file = this.options.file ?? path.join(__dirname, `projector-thread.worker${path.extname(__filename)}`);
    const startMs = this.options.startMs ?? START_MS;
    const worker = startThread(file, data);
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      let settled = false;
      const settle = (failure?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (failure === undefined) resolve();
        else reject(failure);
      };
      const deadline = setTimeout(() => {
        settle(new Error(`The projector thread did not start within ${startMs} ms; it was ended`));
        void worker.terminate();
      }, startMs);
      worker.on('message', (message: FromProjectorThread) => {
        if (settled) return; // started already, or too late: the thread is being ended
        if (message.kind === 'ready') {
          started = true;
          this.ready = true;
          this.restartMs = RESTART_MS;
          this.logger.info('projector thread started');
          settle();
        } else if (message.kind === 'failed') {
          settle(new Error(`The projector thread failed to start (${message.name}); its log says why`));
          void worker.terminate();
        }
      });
      worker.on('error', (error) => {
        if (!started) settle(error);
        else this.logger.error({ err: error.message }, 'projector thread failed');
      });
      worker.on('exit', (code) => {
        // A stop forgets its worker before ending it; any other exit leaves no worker to stop.
        const current = this.worker === worker;
        if (current) this.worker = null;
        if (!started) return settle(new Error(`The projector thread exited (code ${code}) before it started`));
        if (this.stopping || !current) return;
        this.ready = false;
        this.logger.error({ code, restartInMs: this.restartMs }, 'projector thread exited; starting it again');
        this.scheduleRestart();
      });
    });
  }

  private scheduleRestart(): void {
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.start().catch((error: unknown) => {
        const err = error instanceof Error ? error.message : String(error);
        this.logger.error({ err, restartInMs: this.restartMs }, 'projector thread did not start again; trying later');
        this.scheduleRestart();
      });
    }, this.restartMs);
    this.restartMs = Math.min(this.restartMs * 2, RESTART_CAP_MS);
  }
}
