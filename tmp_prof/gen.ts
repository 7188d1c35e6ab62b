import { Pool } from 'pg';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore, sealEventStore } from '@casetrack/event-store';
import { runMigrations } from '../migrations/data-source';
import { generateFeed } from '../test/bench/projection/generate-events';
async function main() {
  const url = 'postgres://postgres@127.0.0.1:5432/casetrack_test_prof';
  await runMigrations(url);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
  const pool = new Pool({ connectionString: url, max: 10, options: '-c synchronous_commit=off' });
  const store = sealEventStore(new PostgresEventStore(pool), pool, config.masterKey).sealed;
  const f = await generateFeed(store, { targetEvents: Number(process.argv[2]), window: 2000, concurrency: 8, onProgress: () => undefined });
  console.log(f.events, f.cases);
  await pool.end();
}
main();
