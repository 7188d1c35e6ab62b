import type { Pool } from 'pg';
import type { AppConfig } from '@casetrack/config';
import { createPool, type EventStore, openEventStores } from '@casetrack/event-store';

/** What composing the event store reads from the configuration (the rebuild's worker thread has only this). */
export type EventStoreConfig = Pick<
  AppConfig,
  'databaseUrl' | 'eventStore' | 'kurrentDbConnectionString' | 'masterKey'
>;

export interface CliEventStore {
  pool: Pool;
  /** The store as the application sees it: case events with their sensitive fields opened. */
  store: EventStore;
  close(): Promise<void>;
}

/**
 * The event store composed exactly as the API composes it (the configured adapter, sealed), so a projection from
 * here equals the live one.
 */
export function openEventStore(config: EventStoreConfig, poolSize: number): CliEventStore {
  const pool = createPool(config.databaseUrl, { max: poolSize });
  const store = openEventStores(config, pool).sealed;
  return {
    pool,
    store,
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
