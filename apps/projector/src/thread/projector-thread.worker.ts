/**
 * The projector role on a worker thread of the API's process (projector-thread.ts): the same module as a projector
 * process of its own, without its HTTP status routes. The database was prepared by the API before the thread starts.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, createLogger } from '@casetrack/config';
import { ProjectorAppModule } from '../projector-app.module';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './messages';

const data = workerData as ProjectorThreadData;
const config: AppConfig = { ...data, masterKey: Buffer.from(data.masterKey), roles: ['projector'] };
const logger = createLogger(config.logLevel, 'casetrack-projector');
const send = (message: FromProjectorThread): void => parentPort?.postMessage(message);

async function main(): Promise<void> {
  let context: INestApplicationContext | null = null;
  parentPort?.on('message', (message: ToProjectorThread) => {
    if (message.kind !== 'stop') return;
    void (context?.close() ?? Promise.resolve()).then(
      () => send({ kind: 'stopped' }),
      (error: unknown) => {
        logger.error({ err: messageOf(error) }, 'projector thread could not stop cleanly');
        send({ kind: 'stopped' });
      },
    );
  });
  context = await NestFactory.createApplicationContext(ProjectorAppModule.register(config, logger, { serve: false }), {
    logger: false,
  });
  await context.init();
  send({ kind: 'ready' });
}

main().catch((error: unknown) => {
  logger.error({ err: messageOf(error) }, 'projector thread failed to start');
  send({ kind: 'failed', name: error instanceof Error ? error.name : 'Error' });
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
