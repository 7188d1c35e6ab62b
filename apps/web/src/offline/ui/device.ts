import { type OfflineHandles, type OutboxEntry, type VaultState, openOffline } from '../index';

let handles: OfflineHandles | null | undefined;

/**
 * This device's offline store, opened once per page; null where the browser has no IndexedDB or Web Crypto (tests
 * in jsdom, a very old browser): the console then works online only, as before issue 18.
 */
export function offlineDevice(): OfflineHandles | null {
  if (handles === undefined) {
    const capable = typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && crypto.subtle !== undefined;
    try {
      handles = capable ? openOffline() : null;
    } catch {
      // A browser that refuses storage (a private window with IndexedDB disabled): online only.
      handles = null;
    }
  }
  return handles;
}

/** For tests: the store to use instead of the browser's own (null: none). */
export function setOfflineDeviceForTests(next: OfflineHandles | null): void {
  handles = next;
}

export function vaultState(): VaultState {
  return offlineDevice()?.vault.state() ?? 'absent';
}

/** Entries of the outbox, or none while the vault is locked (they are sealed). */
export async function outboxEntries(): Promise<readonly OutboxEntry[]> {
  const device = offlineDevice();
  if (device === null || device.vault.state() !== 'unlocked') return [];
  return device.outbox.list();
}
