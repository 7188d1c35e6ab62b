import { DEFAULT_ITERATIONS } from './crypto';
import type { OfflineHandles, OpenOfflineOptions } from './types';
import { DeviceOutbox } from './outbox';
import { OfflineDb } from './store';
import { linkTabs } from './tabs';
import { Emitter, Vault } from './vault';

const CHANNEL = 'casetrack-offline';

/** Opens (lazily) the device's offline store: the vault and its outbox share one database and one listener list. */
export function openOffline(options: OpenOfflineOptions = {}): OfflineHandles {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const now = options.now ?? (() => new Date());
  const emitter = new Emitter();
  let vault: Vault | null = null;
  const db = new OfflineDb(factory, () => vault?.closedElsewhere());
  vault = new Vault(db, emitter, options.iterations ?? DEFAULT_ITERATIONS, now);
  const outbox = new DeviceOutbox(db, vault, emitter, now);
  // The browser's own database is shared by the tabs; an injected one (tests) only when a channel is named.
  const channel = options.channel !== undefined ? options.channel : options.indexedDB === undefined ? CHANNEL : null;
  const heard = vault;
  if (channel !== null) emitter.link = linkTabs(channel, (message) => heard.heard(message));
  return { vault, outbox };
}
