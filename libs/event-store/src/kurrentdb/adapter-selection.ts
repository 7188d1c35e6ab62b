import type { Pool } from 'pg';
import type { EventStore } from '../event-store.port';
import { PostgresEventStore } from '../postgres';

export type EventStoreKind = 'postgres' | 'kurrentdb';

/** The part of the application's configuration that chooses the adapter (AppConfig has these fields). */
export interface EventStoreSelection {
  eventStore: EventStoreKind;
  kurrentDbConnectionString: string | null;
}

/**
 * The KurrentDB adapter module, loaded on demand: its client brings a native gRPC bridge that costs most of a
 * second to load, which a PostgreSQL deployment (and every test that imports this library) should not pay.
 */
export function loadKurrentDb(): KurrentDbModule {
  // A plain require: the build is CommonJS, and a dynamic import() would need a file extension jest cannot map.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./kurrentdb-event-store') as KurrentDbModule;
}

type KurrentDbModule = typeof import('./kurrentdb-event-store');

/**
 * The adapter the configuration asks for. Only the event streams move to KurrentDB: the pool keeps serving read
 * models, checkpoints, keys and accounts either way, and whatever wraps the store (encryption) wraps this one.
 */
export function openEventStoreAdapter(selection: EventStoreSelection, pool: Pool): EventStore {
  if (selection.eventStore === 'postgres') return new PostgresEventStore(pool);
  if (!selection.kurrentDbConnectionString) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING');
  const { KurrentDbEventStore } = loadKurrentDb();
  return new KurrentDbEventStore(selection.kurrentDbConnectionString);
}
