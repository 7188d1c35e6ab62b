import { DEFAULT_ITERATIONS } from './crypto';
import type { OfflineHandles, OpenOfflineOptions } from './index';
import { DeviceOutbox } from './outbox';
import { OfflineDb } from './store';
import { Emitter, Vault } from './vault';

/** Opens (lazily) the device's offline store: the vault and its outbox share one database and one listener list. */
export function openOffline(options: OpenOfflineOptions = {}): OfflineHandles {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const now = options.now ?? (() => new Date());
  const emitter = new Emitter();
  let vault: Vault | null = null;
  const db = new OfflineDb(factory, () => vault?.closedElsewhere());
  vault = new Vault(db, emitter, options.iterations ?? DEFAULT_ITERATIONS, now);
  const outbox = new DeviceOutbox(db, vault, emitter, now);
  return { vault, outbox };
}
