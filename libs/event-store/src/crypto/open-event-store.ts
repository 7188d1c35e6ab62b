import type { Pool } from 'pg';
import type { EventStore } from '../event-store.port';
import { type EventStoreSelection, openEventStoreAdapter } from '../kurrentdb/adapter-selection';
import { CaseCipher } from './case-cipher';
import { CaseKeyStore } from './case-key-store';
import { SealedEventStore } from './sealed-event-store';

export interface EventStores {
  /** What the application uses: case events with their sensitive fields sealed at rest and opened on read. */
  sealed: EventStore;
  /** The adapter's stored form, for verification. */
  stored: EventStore;
  cipher: CaseCipher;
}

/** Wraps an adapter with the case cipher; keys live in PostgreSQL beside the read models, whatever the adapter. */
export function sealEventStore(stored: EventStore, keysPool: Pool, masterKey: Buffer): EventStores {
  const cipher = new CaseCipher(new CaseKeyStore(keysPool, masterKey));
  return { stored, cipher, sealed: new SealedEventStore(stored, cipher) };
}

/** The configured adapter, sealed: the one composition every process (API, projector, CLI) runs on. */
export function openEventStores(config: EventStoreSelection & { masterKey: Buffer }, pool: Pool): EventStores {
  return sealEventStore(openEventStoreAdapter(config, pool), pool, config.masterKey);
}
