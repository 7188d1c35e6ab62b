import { createLogger, loadConfig } from '@casetrack/config';
import { prepareDatabase } from '../../../../migrations/prepare-database';
import type { CommandSpec } from '../common/command-line';

export const MIGRATE_COMMAND: CommandSpec<Record<string, never>> = {
  name: 'migrate',
  forms: [''],
  summary: 'create the database if missing and apply pending migrations',
  details: 'The database is the one of DATABASE_URL; the command waits for PostgreSQL for up to STARTUP_WAIT_SECONDS.',
  options: {},
  toArgs: () => ({}),
};

/** `casetrack-cli migrate`: waits for PostgreSQL like every role does, then migrates. */
export async function runMigrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel, 'casetrack-cli');
  const applied = await prepareDatabase({ ...config, migrateOnStart: true }, logger);
  if (applied.length === 0) logger.info('no pending migrations');
}
