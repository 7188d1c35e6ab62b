import { Pool } from 'pg';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore, sealEventStore } from '@casetrack/event-store';
import { rebuildReadModels } from '../apps/cli/src/rebuild/rebuild-read-models';
async function main() {
  const url = 'postgres://postgres@127.0.0.1:5432/casetrack_test_prof';
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
  const pool = new Pool({ connectionString: url, max: 10 });
  const sealed = process.env.PLAIN ? new PostgresEventStore(pool) : sealEventStore(new PostgresEventStore(pool), pool, config.masterKey).sealed;
  const r = await rebuildReadModels(pool, sealed, { waitForLiveMs: 0, progress: { write: () => true } });
  console.log(Math.round(r.eventsPerSecond), r.events, r.seconds.toFixed(1));
  await pool.end();
}
main();
