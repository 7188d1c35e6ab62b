import { type AppConfig, createLogger } from '@casetrack/config';
import { openEventStore } from './event-store';
import { rebuildReadModels } from './rebuild-read-models';

export const REBUILD_USAGE = `  rebuild   rebuild every read model from the events into fresh tables and swap them in while the API keeps
            answering (progress on stderr, the final rate on stdout)`;

/** `casetrack-cli rebuild`: safe to run beside a live API and projector. */
export async function runRebuild(config: AppConfig): Promise<void> {
  const logger = createLogger(config.logLevel === 'silent' ? 'warn' : config.logLevel, 'casetrack-cli');
  const { pool, store, close } = openEventStore(config, 6);
  try {
    const result = await rebuildReadModels(pool, store, { logger });
    process.stdout.write(
      `Read models rebuilt and swapped in: ${result.events} events in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.eventsPerSecond)} events/s), checkpoint ${result.checkpoint}\n`,
    );
  } finally {
    await close();
  }
}
