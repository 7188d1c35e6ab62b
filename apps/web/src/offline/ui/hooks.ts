import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { OutboxEntry, VaultState } from '../index';
import { offlineDevice, outboxEntries, vaultState } from './device';

function subscribe(listener: () => void): () => void {
  const device = offlineDevice();
  if (device === null) return () => undefined;
  const offVault = device.vault.subscribe(listener);
  const offOutbox = device.outbox.subscribe(listener);
  return () => {
    offVault();
    offOutbox();
  };
}

/** The vault's state, re-rendered on every change. */
export function useVaultState(): VaultState {
  return useSyncExternalStore(subscribe, vaultState, () => 'absent');
}

/** A counter bumped on every change of the vault or the outbox: the key to read them again. */
function useChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => subscribe(() => setChanges((n) => n + 1)), []);
  return changes;
}

export interface OutboxView {
  readonly entries: readonly OutboxEntry[];
  /** Entries counted while locked too (the clear sequence numbers only). */
  readonly count: number;
}

const EMPTY: OutboxView = { entries: [], count: 0 };

/** The outbox (its entries when unlocked, its count always), read again on every change. */
export function useOutbox(): OutboxView {
  const changes = useChanges();
  const state = useVaultState();
  const query = useQuery({
    queryKey: ['offline-outbox', state, changes],
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<OutboxView> => {
      const device = offlineDevice();
      if (device === null || state === 'absent' || state === 'opening') return EMPTY;
      const [entries, count] = await Promise.all([outboxEntries(), device.outbox.count()]);
      return { entries, count };
    },
  });
  return query.data ?? EMPTY;
}

/** Whether the browser says it is online, re-rendered on the `online` / `offline` events. */
export function useOnline(): boolean {
  const read = useCallback(() => navigator.onLine, []);
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    read,
    () => true,
  );
}
