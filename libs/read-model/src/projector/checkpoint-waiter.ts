import type { Pool } from 'pg';
import type { EventStore } from '@casetrack/event-store';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { readCheckpoint } from '../projection/write-rows';

const POLL_MS = 20;

/**
 * Read-your-writes: waits until the read models include the event at `position`. It polls the stored checkpoint,
 * so it works whichever process runs the projector. "Includes" is in feed order (`isAtOrBefore`), not by comparing
 * positions: an event with a lower position can be delivered after a higher one.
 */
export class CheckpointWaiter {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly schema: string = READ_MODEL_SCHEMA,
  ) {}

  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (position === 0) return true;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.includes(position)) return true;
      if (Date.now() + POLL_MS > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async includes(position: number): Promise<boolean> {
    const checkpoint = await readCheckpoint(this.pool, this.schema);
    try {
      return await this.store.isAtOrBefore(position, checkpoint);
    } catch (error) {
      // No event at that position (yet, or ever): not included.
      if (error instanceof RangeError) return false;
      throw error;
    }
  }
}
