import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig } from '@casetrack/config';
import { loadRuleSets, RuleSetError } from '@casetrack/reminders';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    // The deadline rule sets are checked before anything starts: a wrong rule must not remind anyone.
    loadRuleSets(config.reminders.ruleSets);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleSetError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen(config.port);
  logger.info({ port: config.port }, 'casetrack listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`casetrack failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
