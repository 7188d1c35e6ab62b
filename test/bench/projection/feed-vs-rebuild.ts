import type { Pool } from 'pg';
import type { EventStore } from '@casetrack/event-store';
import { type RebuildPhases, rebuildReadModels } from '../../../apps/cli/src/rebuild/rebuild-read-models';
import { median } from './measure';

export interface Round {
  /** Events per second reading the whole feed through the store, as the rebuild reads it. */
  feed: number;
  /** Events per second of a whole rebuild: fold, rows, writes, index builds and the swap. */
  rebuild: number;
  events: number;
  /** Where the rebuild's time went (ms). */
  phases: RebuildPhases;
}

export interface Comparison {
  rounds: Round[];
  feed: number;
  rebuild: number;
  /** The median of each round's rebuild/feed, both sides measured back to back. */
  ratio: number;
}

const quiet = { write: (): boolean => true, isTTY: false };

/**
 * The rebuild against the feed's own read rate, in interleaved rounds: each round reads the whole feed and runs a
 * whole rebuild back to back, the order alternating, so that both sides of every ratio see the same machine.
 */
export async function compareRebuildWithFeed(
  pool: Pool,
  store: EventStore,
  rounds: number,
  batchSize = 10_000,
): Promise<Comparison> {
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    let feed = 0;
    let rebuild = 0;
    let events = 0;
    let phases: RebuildPhases = { load: 0, finish: 0, indexes: 0, swap: 0, drop: 0 };
    const readFeed = async (): Promise<void> => {
      const started = performance.now();
      let after = 0;
      let read = 0;
      for (;;) {
        const batch = await store.readAll({ after, limit: batchSize });
        if (batch.events.length === 0) break;
        read += batch.events.length;
        after = batch.checkpoint;
      }
      feed = read / ((performance.now() - started) / 1000);
      events = read;
    };
    const runRebuild = async (): Promise<void> => {
      const result = await rebuildReadModels(pool, store, { waitForLiveMs: 0, progress: quiet, batchSize });
      rebuild = result.eventsPerSecond;
      phases = result.phases;
    };
    if (i % 2 === 0) {
      await readFeed();
      await runRebuild();
    } else {
      await runRebuild();
      await readFeed();
    }
    results.push({ feed, rebuild, events, phases });
    const steps = Object.entries(phases)
      .map(([name, ms]) => `${name} ${Math.round(ms)}`)
      .join(', ');
    process.stderr.write(
      `  round ${i + 1}/${rounds}: feed ${Math.round(feed)} events/s, rebuild ${Math.round(rebuild)} events/s ` +
        `(${(rebuild / feed).toFixed(2)}; ms: ${steps})\n`,
    );
  }
  return {
    rounds: results,
    feed: median(results.map((r) => r.feed)),
    rebuild: median(results.map((r) => r.rebuild)),
    ratio: median(results.map((r) => r.rebuild / r.feed)),
  };
}
