import { Pool } from 'pg';
import { loadConfig } from '@casetrack/config';
import { CaseCipher, CaseKeyStore, type CaseKey, PostgresEventStore, SealedEventStore } from '@casetrack/event-store';
import { rebuildReadModels } from '../apps/cli/src/rebuild/rebuild-read-models';
class Prefetched extends CaseKeyStore {
  cache = new Map<string, CaseKey | null>();
  override async find(caseId: string) { if (!this.cache.has(caseId)) this.cache.set(caseId, await super.find(caseId)); return this.cache.get(caseId) ?? null; }
}
async function main() {
  const url = 'postgres://postgres@127.0.0.1:5432/casetrack_test_prof';
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
  const pool = new Pool({ connectionString: url, max: 10 });
  const keys = new Prefetched(pool, config.masterKey);
  const { rows } = await pool.query<{ case_id: string }>('SELECT case_id FROM case_keys');
  await Promise.all(rows.map((r) => keys.find(r.case_id)));
  const store = new SealedEventStore(new PostgresEventStore(pool), new CaseCipher(keys));
  const r = await rebuildReadModels(pool, store, { waitForLiveMs: 0, progress: { write: () => true } });
  console.log(Math.round(r.eventsPerSecond), r.events, r.seconds.toFixed(1));
  await pool.end();
}
main();
