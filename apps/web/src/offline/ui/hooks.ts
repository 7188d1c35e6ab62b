import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
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

export interface OutboxView {
  readonly entries: readonly OutboxEntry[];
  /** Entries counted while locked too (the clear sequence numbers only). */
  readonly count: number;
}

const EMPTY: OutboxView = { entries: [], count: 0 };

const OUTBOX_KEY = ['offline-outbox'] as const;

/**
 * The outbox (its entries when unlocked, its count always): one cached answer for every view, read again on every change
 * and whenever a view opens (a change made while none watched is then seen).
 */
export function useOutbox(): OutboxView {
  const state = useVaultState();
  const queryClient = useQueryClient();
  useEffect(() => subscribe(() => void queryClient.invalidateQueries({ queryKey: OUTBOX_KEY })), [queryClient]);
  const query = useQuery({
    queryKey: [...OUTBOX_KEY, state],
    staleTime: 0,
    // Locking or unlocking changes the key: what was shown stays until the new read answers.
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
