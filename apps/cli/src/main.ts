import 'reflect-metadata';
import { ConfigError } from '@casetrack/config';
import { DigestFileError } from '@casetrack/event-store';
import { runCli } from './cli';

runCli(process.argv.slice(2), process)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DigestFileError;
    process.stderr.write(`${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  });
