import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { intakeName } from './entry-words';
import { useOutbox, useVaultState } from './hooks';
import { PendingEntries } from './PendingEntries';

/** A case opened without a connection: not on the server yet; its page lists its kept intake and what follows it. */
export function PendingCasePage(): ReactNode {
  const t = useT();
  const { caseRef = '' } = useParams();
  const state = useVaultState();
  const { entries } = useOutbox();
  const intake = entries.find((entry) => entry.caseRef === caseRef && entry.path === '/v1/cases');
  if (state !== 'unlocked') return <Alert color="yellow">{t('offline.pendingCase.locked')}</Alert>;
  if (intake === undefined) return <Alert color="gray">{t('offline.pendingCase.gone')}</Alert>;
  return (
    <Stack maw={860}>
      <Title order={1}>{intakeName(intake) ?? t('offline.entry.intake')}</Title>
      <Text size="sm">{t('offline.pendingCase.explain')}</Text>
      <PendingEntries caseRef={caseRef} />
    </Stack>
  );
}
