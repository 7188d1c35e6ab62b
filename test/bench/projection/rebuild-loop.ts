/**
 * Rebuilds one after another in a process of their own, as `npm run projections:rebuild` runs beside a live service,
 * until the parent says stop; then reports how many it swapped in. Started by `projection.bench.ts`.
 */
import { loadConfig } from '@casetrack/config';
import { runRebuild } from '../../../apps/cli/src/rebuild/rebuild-command';

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: 'silent',
    ROLES: 'api',
  });
  let stopping = false;
  process.on('message', () => {
    stopping = true;
  });
  process.send?.('ready');
  let rebuilds = 0;
  while (!stopping) {
    await runRebuild(config);
    rebuilds++;
  }
  process.send?.({ rebuilds }, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
