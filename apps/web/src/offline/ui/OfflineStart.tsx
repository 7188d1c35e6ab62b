import { Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { UnlockForm } from './VaultForms';

/**
 * The API could not be reached when the console started, and this device has a vault: the console opens from it
 * (the session and the cases kept here) once unlocked. Retry asks the API again.
 */
export function OfflineStart({ retry }: { retry: () => void }): ReactNode {
  const t = useT();
  return (
    <Center mih="100vh" p="md">
      <Card withBorder maw={480} w="100%" component="main">
        <Stack>
          <Title order={1} size="h3">
            {t('offline.start.title')}
          </Title>
          <Text size="sm">{t('offline.start.text')}</Text>
          <UnlockForm
            accountId={null}
            onUnlocked={retry}
            extra={
              <Button variant="default" onClick={retry}>
                {t('offline.start.retry')}
              </Button>
            }
          />
        </Stack>
      </Card>
    </Center>
  );
}
