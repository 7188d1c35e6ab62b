import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SignedInUser } from '../../api/types';
import { offlineDevice } from './device';
import { configureSync, refreshOffline, sendNow } from './sync-runner';

/** While entries wait, the outbox is tried this often (besides the online event and unlocking). */
const RETRY_EVERY_MS = 30_000;

/**
 * Runs the outbox's sync and the offline set's refresh for the signed-in person: on the `online` event, when the
 * vault is unlocked, and every 30 s. Mounted once, by the layout.
 */
export function useOfflineRunner(user: SignedInUser): void {
  const queryClient = useQueryClient();
  const ownUserId = user.role === 'lawyer' ? user.id : null;
  useEffect(() => {
    configureSync({ queryClient, ownUserId });
    const device = offlineDevice();
    let last = device?.vault.state();
    // Unlocked: what waits is sent, and the offline set read again – once (a send that sent something has read it).
    const sendThenRefresh = (): void => void sendNow().then((refreshed) => (refreshed ? undefined : refreshOffline()));
    const onChange = (): void => {
      const state = device?.vault.state();
      if (state === 'unlocked' && last !== 'unlocked') sendThenRefresh();
      last = state;
    };
    const offVault = device?.vault.subscribe(onChange);
    const online = (): void => void sendNow();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => void sendNow(), RETRY_EVERY_MS);
    if (last === 'unlocked') sendThenRefresh();
    return () => {
      offVault?.();
      window.removeEventListener('online', online);
      window.clearInterval(timer);
      configureSync(null);
    };
  }, [queryClient, ownUserId]);
}
