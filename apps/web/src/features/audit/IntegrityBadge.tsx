import { Badge, Code, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useVerification } from './api';

/**
 * The hash chain's verdict: valid, with the head hash to compare with a published digest, or broken at the first
 * version whose link does not hold.
 */
export function IntegrityBadge({ caseId }: { caseId: string }): ReactNode {
  const t = useT();
  const verify = useVerification(caseId);
  if (verify.isError) return <ErrorAlert error={verify.error} />;
  if (!verify.data) return null;
  const result = verify.data;
  return (
    <Group gap="xs" role="status" aria-label={t('roles.verify.label')}>
      {result.valid ? (
        <>
          <Badge variant="light" size="lg">
            {t('roles.verify.valid', { events: result.events })}
          </Badge>
          <Text size="sm">{t('roles.verify.headHash')}</Text>
          <Code>{result.headHash ?? ''}</Code>
        </>
      ) : (
        <>
          <Badge color="red" variant="light" size="lg">
            {t('roles.verify.broken', { version: result.brokenAtVersion })}
          </Badge>
          <Text size="sm">{t(`roles.verify.problem.${result.problem}`)}</Text>
        </>
      )}
    </Group>
  );
}
