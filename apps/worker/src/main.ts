import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, createLogger, loadConfig } from '@casetrack/config';
import { waitForRedis } from '@casetrack/reminders';
import { prepareDatabase } from '../../../migrations/prepare-database';
import { WorkerAppModule } from './worker-app.module';

/**
 * The reminder worker as its own process: dispatches due reminders to BullMQ and delivers them, and answers GET /health
 * on PORT for its container's health check (nothing else over HTTP). Several may run at once: job ids are
 * deterministic and each delivery locks its row. The API process then runs without the worker role
 * (ROLES=api,projector).
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig({ ...process.env, ROLES: 'worker' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'casetrack-worker');
  await prepareDatabase(config, logger);
  await waitForRedis(config.redisUrl, config.startupWaitMs, logger);
  const app = await NestFactory.create(WorkerAppModule.register(config, logger), { logger: false });
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.info(
    {
      port: config.port,
      queue: config.reminders.queue,
      redisPrefix: config.redisPrefix,
      concurrency: config.reminders.workerConcurrency,
    },
    'worker running',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`casetrack worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
