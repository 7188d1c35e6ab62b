import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig } from '@casetrack/config';
import { ensureDatabaseExists, runMigrations } from '../../../migrations/data-source';

const USAGE = `usage: casetrack-cli <command>
  migrate   create the database if missing and apply pending migrations`;

async function migrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel, 'casetrack-cli');
  if (await ensureDatabaseExists(config.databaseUrl)) logger.info('database created');
  const applied = await runMigrations(config.databaseUrl);
  logger.info({ migrations: applied }, applied.length ? 'migrations applied' : 'no pending migrations');
}

async function main(argv: string[]): Promise<void> {
  switch (argv[0]) {
    case 'migrate':
      return migrate();
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
