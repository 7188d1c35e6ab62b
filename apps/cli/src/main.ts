import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig } from '@casetrack/config';
import { DigestFileError } from '@casetrack/event-store';
import { prepareDatabase } from '../../../migrations/prepare-database';
import { parseVerifyArgs, runVerify, VERIFY_USAGE } from './verify/verify-command';
import { REBUILD_USAGE, runRebuild } from './rebuild/rebuild-command';
import { parseSeedArgs, runSeed, SEED_USAGE } from './seed/seed-command';
import { runCopyCommand } from './copy/copy-command';

const USAGE = `usage: casetrack-cli <command>
  migrate   create the database if missing and apply pending migrations
${VERIFY_USAGE}
${REBUILD_USAGE}
${SEED_USAGE}`;

async function migrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel, 'casetrack-cli');
  const applied = await prepareDatabase({ ...config, migrateOnStart: true }, logger);
  if (applied.length === 0) logger.info('no pending migrations');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'migrate') return migrate();
  if (argv[0] === 'rebuild') return runRebuild(loadConfig());
  const seedArgs = argv[0] === 'seed' ? parseSeedArgs(argv.slice(1)) : null;
  if (seedArgs) return runSeed(seedArgs, loadConfig());
  if (argv[0] === 'event-store:copy') return runCopyCommand(argv.slice(1));
  const verifyArgs = argv[0] === 'verify' ? parseVerifyArgs(argv.slice(1)) : null;
  if (verifyArgs) {
    process.exitCode = await runVerify(verifyArgs, loadConfig().databaseUrl);
    return;
  }
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DigestFileError;
  process.stderr.write(`${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
