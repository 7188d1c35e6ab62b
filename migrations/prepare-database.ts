import { type AppConfig, type Logger, waitUntilAvailable } from '@casetrack/config';
import { isDatabaseUnavailable } from '@casetrack/event-store';
import { ensureDatabaseExists, runMigrations } from './data-source';

/**
 * What every role does first: wait for PostgreSQL (it may still be starting, or restarting), create the database if it
 * is missing and apply pending migrations. Only unavailability is waited out, for at most `startupWaitMs`; a wrong
 * password or a failing migration stops the start at once. Both steps are safe to repeat after a lost connection.
 * Returns the names of the migrations applied.
 */
export async function prepareDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'migrateOnStart' | 'startupWaitMs'>,
  logger: Logger,
): Promise<string[]> {
  return waitUntilAvailable(
    async () => {
      if (await ensureDatabaseExists(config.databaseUrl)) logger.info('database created');
      const applied = config.migrateOnStart ? await runMigrations(config.databaseUrl) : [];
      if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
      return applied;
    },
    { dependency: 'PostgreSQL', deadlineMs: config.startupWaitMs, retryable: isDatabaseUnavailable, logger },
  );
}
