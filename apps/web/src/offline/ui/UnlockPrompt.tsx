import { Button, Modal, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useVaultState } from './hooks';
import { UnlockForm } from './VaultForms';

/**
 * After sign-in on a device with a vault: asked once per page load to unlock it, so facts kept here are sent and the
 * cases are kept fresh. "Not now" leaves it locked (the offline page unlocks it later).
 */
export function UnlockPrompt({ accountId }: { accountId: string }): ReactNode {
  const t = useT();
  const state = useVaultState();
  const [dismissed, setDismissed] = useState(false);
  if (state !== 'locked' || dismissed) return null;
  return (
    <Modal
      opened
      onClose={() => setDismissed(true)}
      title={t('offline.prompt.title')}
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
    >
      <Text size="sm" mb="sm">
        {t('offline.prompt.text')}
      </Text>
      <UnlockForm
        accountId={accountId}
        onUnlocked={() => setDismissed(true)}
        extra={
          <Button variant="default" onClick={() => setDismissed(true)}>
            {t('offline.prompt.later')}
          </Button>
        }
      />
    </Modal>
  );
}
