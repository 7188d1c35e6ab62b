import type { EventStore, FeedBatch } from '@casetrack/event-store';
import type { FeedProjector } from '@casetrack/read-model';

export interface ProjectFeedOptions {
  batchSize: number;
  onBatch?: (events: number) => void;
  /** Stop right after the event at this position (a checkpoint of the same feed, not yet passed); default: the end. */
  until?: number;
}

/**
 * Projects the feed after the projector's checkpoint into its schema until the feed is drained (or `until` is
 * reached). The next batch is read while the current one is applied: reading is the database's work and folding
 * is this process's, so on a small machine the two overlap.
 */
export async function projectFeed(
  projector: FeedProjector,
  store: EventStore,
  options: ProjectFeedOptions,
): Promise<void> {
  const limit = options.batchSize;
  let next: Promise<FeedBatch> = store.readAll({ after: projector.checkpoint, limit });
  for (;;) {
    const batch = await next;
    if (batch.events.length === 0) return;
    const stop = options.until === undefined ? -1 : batch.events.findIndex((e) => e.position === options.until);
    if (stop >= 0) {
      const events = batch.events.slice(0, stop + 1);
      await projector.applyBatch({ events, checkpoint: options.until as number });
      options.onBatch?.(events.length);
      return;
    }
    next = store.readAll({ after: batch.checkpoint, limit });
    // A failed read ahead is reported by the next `await next`, not as an unhandled rejection meanwhile.
    next.catch(() => undefined);
    await projector.applyBatch(batch);
    options.onBatch?.(batch.events.length);
  }
}
