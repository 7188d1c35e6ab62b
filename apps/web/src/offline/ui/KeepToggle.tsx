import { Switch } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { offlineDevice } from './device';
import { useVaultState } from './hooks';
import { refreshOffline } from './sync-runner';

/** "Keep on this device": the case joins the offline set (a pin in the vault, this device only, no API change). */
export function KeepToggle({ caseId }: { caseId: string }): ReactNode {
  const t = useT();
  const state = useVaultState();
  const queryClient = useQueryClient();
  const pinned = useQuery({
    queryKey: ['offline-pins', state],
    enabled: state === 'unlocked',
    queryFn: async () => (await offlineDevice()?.vault.pinned()) ?? [],
  });
  if (state !== 'unlocked' || pinned.data === undefined) return null;
  const kept = pinned.data.includes(caseId);
  const toggle = async (): Promise<void> => {
    const vault = offlineDevice()?.vault;
    if (vault === undefined) return;
    if (kept) await vault.unpin(caseId);
    else await vault.pin(caseId);
    await queryClient.invalidateQueries({ queryKey: ['offline-pins'] });
    if (!kept) void refreshOffline();
  };
  return <Switch label={t('offline.keepHere')} checked={kept} onChange={() => void toggle()} />;
}
