import type { Pool } from 'pg';
import { ConfigError, loadConfig } from '@casetrack/config';
import { createPool, loadKurrentDb, PostgresEventStore } from '@casetrack/event-store';
import { ProgressBar } from '../common/progress-bar';
import type { CopyArgs } from './copy-arguments';
import { CopyCheckpoints } from './copy-checkpoints';
import { copyEvents } from './copy-events';
import { verifyCopy } from './copy-verification';

/** `event-store:copy`: resolves to the exit code (0 copied and verified, 1 verification found differences). */
export async function runCopy(args: CopyArgs): Promise<number> {
  const config = loadConfig();
  if (!config.kurrentDbConnectionString) {
    throw new ConfigError(['event-store:copy needs KURRENTDB_CONNECTION_STRING (where to copy to)']);
  }
  const pool = createPool(config.databaseUrl, { max: 4 });
  const { KurrentDbEventStore } = loadKurrentDb();
  const target = new KurrentDbEventStore(config.kurrentDbConnectionString);
  const checkpoints = new CopyCheckpoints(pool, `${args.from}->${args.to}`);
  try {
    const total = await countEvents(pool);
    if (!args.verifyOnly) {
      const done = (await checkpoints.load()).copied;
      const bar = new ProgressBar(Math.max(0, total - done), 'copy');
      // The stored (sealed) form is copied as it is: the source is the plain adapter, not the decrypting wrapper.
      const result = await copyEvents(new PostgresEventStore(pool), target, checkpoints, {
        batchSize: args.batchSize,
        progress: bar,
      });
      bar.finish();
      process.stdout.write(
        `copied: ${result.copied} events in all (${result.written} written now, ${result.present} already there); ` +
          `source checkpoint ${result.sourcePosition}\n`,
      );
    }
    const bar = new ProgressBar(total, 'verify');
    const report = await verifyCopy(pool, target, bar);
    bar.finish();
    for (const m of report.mismatches) process.stdout.write(`MISMATCH ${m.streamId}: ${m.problem}\n`);
    const ok = report.mismatches.length === 0;
    if (ok) await checkpoints.markVerified();
    process.stdout.write(
      `${ok ? 'OK' : 'NOT OK'}: ${report.streams} streams, ${report.events} events in KurrentDB, ` +
        `${report.mismatches.length} differing\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await target.close();
    await pool.end();
  }
}

async function countEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM events');
  return Number(rows[0].count);
}
