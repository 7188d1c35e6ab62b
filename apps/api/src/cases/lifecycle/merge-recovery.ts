import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Logger } from '@casetrack/config';
import type { Pool } from 'pg';
import { caseIdOf, type EventStore, STORED_EVENT_STORE } from '@casetrack/event-store';
import { mergedCases } from '@casetrack/read-model';
import { LOGGER } from '../../common/logger.provider';
import { PG_POOL } from '../../infrastructure/infrastructure.module';
import { Merges } from './merges';

const BATCH = 500;
const EVERY_MS = 30_000;

/**
 * Finishes every merge whose intent (MergeRequested) is recorded and whose absorption on the survivor may not be:
 * the writer may have died between the two appends. At start-up it takes the merged cases from the read models and
 * reads the feed only after their checkpoint, then only what follows; an intent it could not complete stays pending
 * for the next pass. Completing is idempotent (Merges), so an intent
 * completed by its own request meanwhile costs one refused decision and appends nothing.
 */
@Injectable()
export class MergeRecovery implements OnApplicationBootstrap, OnModuleDestroy {
  /** Where the feed is read from; null until the first pass has taken its start from the read models. */
  private after: number | null = null;
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly merges: Merges,
    // Only the event types and stream ids are read: nothing sealed.
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; concurrent calls share it. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      await this.collect();
      for (const caseId of [...this.pending]) {
        await this.merges.complete(caseId);
        this.pending.delete(caseId);
      }
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'merge recovery incomplete');
    }
  }

  private async collect(): Promise<void> {
    if (this.after === null) {
      const merged = await mergedCases(this.pool);
      for (const caseId of merged.caseIds) this.pending.add(caseId);
      this.after = merged.checkpoint;
    }
    for (;;) {
      const batch = await this.store.readAll({ after: this.after, limit: BATCH });
      for (const event of batch.events) {
        const caseId = caseIdOf(event.streamId);
        if (caseId !== null && event.type === 'MergeRequested') this.pending.add(caseId);
      }
      if (batch.events.length > 0) this.after = batch.checkpoint;
      if (batch.events.length < BATCH) return;
    }
  }
}
