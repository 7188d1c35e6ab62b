import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, createLogger, loadConfig } from '@casetrack/config';
import { loadRuleSets, RuleSetError } from '@casetrack/reminders';
import { prepareDatabase } from '../../../migrations/prepare-database';
import { ProjectorAppModule } from './projector-app.module';

/**
 * The projector as its own process, to scale it apart from the API. Run exactly one per database: a second one is
 * harmless (the checkpoint row lock keeps batches from interleaving) but only wastes work. The API process must then
 * run with ROLES=api.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig({ ...process.env, ROLES: 'projector' });
    // The deadline rule sets are checked before anything starts: a wrong rule must not remind anyone.
    loadRuleSets(config.reminders.ruleSets);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleSetError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'casetrack-projector');
  await prepareDatabase(config, logger);
  const app = await NestFactory.create(ProjectorAppModule.register(config, logger), { logger: false });
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.info({ port: config.port }, 'casetrack projector running');
}

main().catch((error: unknown) => {
  process.stderr.write(`casetrack projector failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
