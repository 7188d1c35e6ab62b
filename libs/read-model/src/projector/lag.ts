import type { Pool } from 'pg';
import type { EventStore, EventStoreKind } from '@casetrack/event-store';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { readCheckpoint } from '../projection/write-rows';
import { countQuarantined } from './quarantine';

export interface ProjectorLag {
  /** The position of the last event the read models include (0: none yet). */
  checkpoint: number;
  /** Events in the feed after the checkpoint, counted up to LAG_COUNT_LIMIT (FEED_LAG_COUNT_LIMIT through a feed). */
  events: number;
  /** Age of the oldest event not yet projected; 0 when caught up. */
  seconds: number;
  /** Cases held at an event the projector could not apply (see quarantine.ts). */
  quarantined: number;
}

/** Counting stops here: beyond it the number only says "very far behind" and the count would get slow. */
export const LAG_COUNT_LIMIT = 100_000;

/** The same limit when the events live in another store and have to be read to be counted. */
export const FEED_LAG_COUNT_LIMIT = 1_000;

export interface LagProbeOptions {
  schema?: string;
  /**
   * The event store, when its events are not in this database (KurrentDB): the lag is then read through its feed,
   * since the local `events` table stays empty and would always say "caught up".
   */
  feed?: EventStore;
}

/**
 * How far the read models are behind the event store, measured from the stores so that any process can report it
 * (the API without the projector role too). "After the checkpoint" is in feed order, (transaction_id, position)
 * in PostgreSQL, the same order the projector reads in: positions alone have gaps and commit out of order.
 */
export class LagProbe {
  private readonly schema: string;

  constructor(
    private readonly pool: Pool,
    private readonly options: LagProbeOptions = {},
  ) {
    this.schema = options.schema ?? READ_MODEL_SCHEMA;
  }

  async measure(): Promise<ProjectorLag> {
    const [checkpoint, quarantined] = await Promise.all([
      readCheckpoint(this.pool, this.schema),
      countQuarantined(this.pool, this.schema),
    ]);
    const { events, oldest } = this.options.feed
      ? await this.behindInFeed(this.options.feed, checkpoint)
      : await this.behindInTable(checkpoint);
    const seconds = oldest === null ? 0 : Math.max(0, (Date.now() - oldest.getTime()) / 1000);
    return { checkpoint, events, seconds: Math.round(seconds * 1000) / 1000, quarantined };
  }

  private async behindInFeed(feed: EventStore, checkpoint: number): Promise<{ events: number; oldest: Date | null }> {
    const { events } = await feed.readAll({ after: checkpoint, limit: FEED_LAG_COUNT_LIMIT });
    return { events: events.length, oldest: events.length === 0 ? null : new Date(events[0].metadata.recordedAt) };
  }

  private async behindInTable(checkpoint: number): Promise<{ events: number; oldest: Date | null }> {
    const { rows } = await this.pool.query<{ events: number; oldest: Date | null }>(
      `SELECT count(*)::int AS events, min(recorded_at) AS oldest
         FROM (SELECT e.recorded_at
                 FROM events e
                WHERE (e.transaction_id, e.position) > (
                        CASE WHEN $1::bigint = 0 THEN '0'::xid8
                             ELSE (SELECT c.transaction_id FROM events c WHERE c.position = $1::bigint) END,
                        $1::bigint)
                ORDER BY e.transaction_id, e.position
                LIMIT $2::int) behind`,
      [checkpoint, LAG_COUNT_LIMIT],
    );
    return rows[0];
  }
}

/**
 * The probe for the configured store: the local events table for PostgreSQL, the store's feed for any other
 * (read in its stored form: counting needs nothing decrypted).
 */
export function lagProbeFor(pool: Pool, eventStore: EventStoreKind, stored: EventStore): LagProbe {
  return new LagProbe(pool, { feed: eventStore === 'postgres' ? undefined : stored });
}

export type ProjectorTrouble = 'PROJECTOR_LAGGING' | 'EVENTS_QUARANTINED';

/** What keeps the read models from being current, judged alike by the API's and the projector process's /health. */
export function projectorTroubles(lag: ProjectorLag, lagLimitSeconds: number): ProjectorTrouble[] {
  const troubles: ProjectorTrouble[] = [];
  if (lag.seconds > lagLimitSeconds) troubles.push('PROJECTOR_LAGGING');
  if (lag.quarantined > 0) troubles.push('EVENTS_QUARANTINED');
  return troubles;
}
