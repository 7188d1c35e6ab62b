/**
 * Where a rebuild's time goes: generates BENCH_EVENTS events once, then runs BENCH_ROUNDS whole rebuilds and prints
 * each one's steps (rebuild-read-models.ts `phases`), the shadow projected on a thread of its own as the CLI does
 * (BENCH_ONE_THREAD=1: all on the calling thread). Run under `node --cpu-prof` for the process's own share (a profile
 * per thread):
 *
 *   BENCH_EVENTS=200000 node --cpu-prof --cpu-prof-dir=/tmp/prof -r ts-node/register/transpile-only \
 *     -r tsconfig-paths/register test/bench/projection/rebuild-profile.ts
 */
import os from 'node:os';
import { Pool } from 'pg';
import { loadConfig } from '@casetrack/config';
import { PostgresEventStore, sealEventStore } from '@casetrack/event-store';
import { rebuildReadModels } from '../../../apps/cli/src/rebuild/rebuild-read-models';
import { ShadowThread } from '../../../apps/cli/src/rebuild/shadow-thread/shadow-thread';
import { createTestDatabase } from '../../support/test-database';
import { generateFeed } from './generate-events';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONE_THREAD = process.env.BENCH_ONE_THREAD === '1';
const quiet = { write: (): boolean => true, isTTY: false };

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ROLES: 'api' });
  const pool = new Pool({ connectionString: database.url, max: 12 });
  const generationPool = new Pool({ connectionString: database.url, max: 10, options: '-c synchronous_commit=off' });
  const store = sealEventStore(new PostgresEventStore(pool), pool, config.masterKey).sealed;
  const thread = ONE_THREAD ? undefined : ShadowThread.start(config);
  try {
    await generateFeed(new PostgresEventStore(generationPool), {
      targetEvents: TARGET_EVENTS,
      window: 2_000,
      concurrency: 8,
      onProgress: () => undefined,
    });
    await pool.query('VACUUM (ANALYZE) events');
    await pool.query('CHECKPOINT');
    for (let i = 0; i < ROUNDS; i++) {
      const load = os.loadavg()[0].toFixed(2);
      const result = await rebuildReadModels(pool, store, { waitForLiveMs: 0, progress: quiet, thread });
      const steps = Object.entries(result.phases)
        .map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
        .join(', ');
      console.log(`rebuild ${Math.round(result.eventsPerSecond)} events/s (load ${load}): ${steps}`);
    }
  } finally {
    await thread?.close();
    await store.close();
    await generationPool.end();
    await pool.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
