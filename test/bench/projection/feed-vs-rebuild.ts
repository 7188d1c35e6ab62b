import os from 'node:os';
import type { Pool } from 'pg';
import type { EventStore } from '@casetrack/event-store';
import { type RebuildPhases, rebuildReadModels } from '../../../apps/cli/src/rebuild/rebuild-read-models';
import type { ShadowThread } from '../../../apps/cli/src/rebuild/shadow-thread/shadow-thread';
import { median } from './measure';
import { type Cost, measured, measureWriteFloor, rebuildCeiling, type WriteFloor } from './write-floor';

export interface Round {
  /** Events per second reading the whole feed through the store, as the rebuild reads it. */
  feed: number;
  /** Events per second of a whole rebuild: fold, rows, writes, index builds and the swap. */
  rebuild: number;
  events: number;
  /** Where the rebuild's time went (ms). */
  phases: RebuildPhases;
  /** The same rebuild all on the calling thread (no `ShadowThread`), when the comparison asked for it. */
  oneThread: number | null;
  /** The one-minute load average when the round began. */
  load: number;
  /** The feed's read: wall-clock and the machine's CPU seconds. */
  feedCost: Cost;
  /** Writing this round's rebuilt rows and indexes with PostgreSQL alone (`measureWriteFloor`). */
  floor: WriteFloor;
  /** The highest rebuild/feed ratio `feedCost` and `floor` leave room for (`rebuildCeiling`). */
  ceiling: number;
}

export interface CompareOptions {
  batchSize?: number;
  /** The thread the rebuild projects its shadow on, as `casetrack-cli rebuild` does. */
  thread?: ShadowThread;
  /** Also time a rebuild on the calling thread alone in every round (the code before the thread), for a paired figure. */
  oneThread?: boolean;
}

export interface Comparison {
  rounds: Round[];
  feed: number;
  rebuild: number;
  /** The median of each round's rebuild/feed, both sides measured back to back. */
  ratio: number;
  /** The median of each round's ceiling: the ratio even a fold that cost nothing could not pass. */
  ceiling: number;
  /** Medians of the rebuild on the calling thread alone and of its ratio to the same round's feed, when timed. */
  oneThread: { rebuild: number; ratio: number } | null;
}

const quiet = { write: (): boolean => true, isTTY: false };

/**
 * The rebuild against the feed's own read rate, in interleaved rounds: each round reads the whole feed and runs a
 * whole rebuild back to back, the order alternating, so that both sides of every ratio see the same machine. With
 * `oneThread`, every round also runs the rebuild without its thread, the three in an order that turns each round.
 */
export async function compareRebuildWithFeed(
  pool: Pool,
  store: EventStore,
  rounds: number,
  options: CompareOptions = {},
): Promise<Comparison> {
  const batchSize = options.batchSize ?? 10_000;
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    const load = os.loadavg()[0];
    let feed = 0;
    let rebuild = 0;
    let oneThread: number | null = null;
    let events = 0;
    let feedCost: Cost = { wall: 0, cpu: 0 };
    let phases: RebuildPhases = { load: 0, finish: 0, indexes: 0, swap: 0, drop: 0 };
    const readFeed = async (): Promise<void> => {
      let read = 0;
      feedCost = await measured(async () => {
        let after = 0;
        for (;;) {
          const batch = await store.readAll({ after, limit: batchSize });
          if (batch.events.length === 0) break;
          read += batch.events.length;
          after = batch.checkpoint;
        }
      });
      feed = read / feedCost.wall;
      events = read;
    };
    const runRebuild = async (): Promise<void> => {
      const result = await rebuildReadModels(pool, store, {
        waitForLiveMs: 0,
        progress: quiet,
        batchSize,
        thread: options.thread,
      });
      rebuild = result.eventsPerSecond;
      phases = result.phases;
    };
    const runOneThread = async (): Promise<void> => {
      if (!options.oneThread) return;
      const result = await rebuildReadModels(pool, store, { waitForLiveMs: 0, progress: quiet, batchSize });
      oneThread = result.eventsPerSecond;
    };
    // Every order in turn, so that neither rebuild always follows the other (or the feed's read).
    const steps = [readFeed, runRebuild, runOneThread];
    for (let k = 0; k < steps.length; k++) await steps[(i % 2 === 0 ? i + k : i + steps.length - k) % steps.length]();
    // After the three: the read model holds this round's rebuild, and neither side of the ratio shares the machine.
    const floor = await measureWriteFloor(pool);
    const ceiling = rebuildCeiling(feedCost, floor);
    results.push({ feed, rebuild, events, phases, oneThread, load, feedCost, floor, ceiling });
    const phaseList = Object.entries(phases)
      .map(([name, ms]) => `${name} ${Math.round(ms)}`)
      .join(', ');
    const alone =
      oneThread === null ? '' : `, on one thread ${Math.round(oneThread)} (${(oneThread / feed).toFixed(2)})`;
    process.stderr.write(
      `  round ${i + 1}/${rounds} (load ${load.toFixed(2)}): feed ${Math.round(feed)} events/s, ` +
        `rebuild ${Math.round(rebuild)} events/s (${(rebuild / feed).toFixed(2)}; ms: ${phaseList})${alone}\n` +
        `    feed read ${seconds(feedCost)}; write floor (${floor.megabytes.toFixed(0)} MB, ${floor.tables} tables): ` +
        `COPY ${seconds(floor.load)}, indexes ${seconds(floor.indexes)}; ceiling ${ceiling.toFixed(2)}\n`,
    );
  }
  const alone = results.flatMap((r) => (r.oneThread === null ? [] : [{ rebuild: r.oneThread, feed: r.feed }]));
  return {
    rounds: results,
    feed: median(results.map((r) => r.feed)),
    rebuild: median(results.map((r) => r.rebuild)),
    ratio: median(results.map((r) => r.rebuild / r.feed)),
    ceiling: median(results.map((r) => r.ceiling)),
    oneThread:
      alone.length === 0
        ? null
        : { rebuild: median(alone.map((r) => r.rebuild)), ratio: median(alone.map((r) => r.rebuild / r.feed)) },
  };
}

const seconds = (cost: Cost): string => `${cost.wall.toFixed(1)} s (CPU ${cost.cpu.toFixed(1)} s)`;
