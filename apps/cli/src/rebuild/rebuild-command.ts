import os from 'node:os';
import { type AppConfig, createLogger, type Logger } from '@casetrack/config';
import type { CommandSpec } from '../common/command-line';
import { openEventStore } from './event-store';
import { rebuildReadModels } from './rebuild-read-models';
import { ShadowThread } from './shadow-thread/shadow-thread';

export const REBUILD_COMMAND: CommandSpec<Record<string, never>> = {
  name: 'rebuild',
  forms: [''],
  summary: 'rebuild every read model from the events and swap them in while the API keeps answering',
  details:
    'The read models are built into fresh tables, then swapped in; safe beside a live API and projector.\n' +
    'Progress on stderr, the final rate on stdout.',
  options: {},
  toArgs: () => ({}),
};

/** `casetrack-cli rebuild`: safe to run beside a live API and projector. */
export async function runRebuild(config: AppConfig): Promise<void> {
  // Warnings (a quarantined case, a priority not lowered) are shown even when the service's level is silent.
  const logLevel = config.logLevel === 'silent' ? 'warn' : config.logLevel;
  const logger = createLogger(logLevel, 'casetrack-cli');
  lowerPriority(logger);
  // Started after the priority is lowered: a Linux thread takes its creator's. It logs at the same level.
  const thread = ShadowThread.start({ ...config, logLevel });
  const { pool, store, close } = openEventStore(config, 6);
  try {
    const result = await rebuildReadModels(pool, store, { logger, thread });
    process.stdout.write(
      `Read models rebuilt and swapped in: ${result.events} events in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.eventsPerSecond)} events/s), checkpoint ${result.checkpoint}; ` +
        `the live projector was held ${Math.round(result.heldMs)} ms\n`,
    );
  } finally {
    await thread.close();
    await close();
  }
}

/**
 * A rebuild is a background job beside a live service: on a small machine the API and the live projector should get
 * the CPU first (this process folds; PostgreSQL's own work for it is not reprioritised).
 */
function lowerPriority(logger: Logger): void {
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not lower the priority');
  }
}
