import { Alert, Anchor, Group, Text } from '@mantine/core';
import { type ReactNode, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useOnline, useOutbox, useVaultState } from './hooks';
import { isSyncing, subscribeSyncing } from './sync-status';

/**
 * One line under the header when the console is not simply online and in step: offline, facts waiting on this
 * device, sending them, or a fact that needs the person (held). Links to the offline page.
 */
export function OfflineBanner(): ReactNode {
  const t = useT();
  const online = useOnline();
  const state = useVaultState();
  const { entries, count } = useOutbox();
  const syncing = useSyncExternalStore(subscribeSyncing, isSyncing, isSyncing);
  const held = entries.filter((entry) => entry.state === 'held').length;
  const lines: string[] = [];
  if (!online) lines.push(t('offline.banner.offline'));
  if (syncing) lines.push(t('offline.banner.syncing'));
  else if (count > 0) lines.push(t('offline.banner.waiting', { count }));
  if (held > 0) lines.push(t('offline.banner.held', { count: held }));
  if (count > 0 && state === 'locked') lines.push(t('offline.banner.locked'));
  if (lines.length === 0) return null;
  return (
    <Alert color={held > 0 ? 'red' : 'yellow'} py={6} mb="sm" role="status" data-testid="offline-banner">
      <Group gap="sm" wrap="wrap">
        <Text size="sm">{lines.join(' · ')}</Text>
        <Anchor component={Link} to="/offline" size="sm">
          {t('offline.banner.open')}
        </Anchor>
      </Group>
    </Alert>
  );
}
