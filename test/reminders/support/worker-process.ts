/**
 * The worker role alone in a child process, for the test that kills it with SIGKILL while jobs are in flight.
 * Imports the plain classes (no Nest) so that it starts fast under ts-node.
 */
import { Pool } from 'pg';
import { loadConfig } from '../../../libs/config/src';
import { WorkerRole } from '../../../libs/reminders/src/worker-role';

const config = loadConfig(process.env);
const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
const role = new WorkerRole(pool, config, undefined, {
  lockDurationMs: Number(process.env.TEST_LOCK_MS ?? 2_000),
  reconcileIntervalMs: 500,
  dispatchIntervalMs: 200,
});
role.start();
process.stdout.write('worker ready\n');
process.on('SIGTERM', () => {
  void role
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
