import { Alert, Anchor, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n-context';
import { Loaded } from '../../shared/Loaded';
import { type ImportStatus, rejectedRowsUrl, useImportStatus } from './api';

/** The rows settled so far, out of all: recorded, skipped and rejected rows are each done with. */
function settled(status: ImportStatus): number {
  return status.recorded + status.skipped + status.rejected;
}

/** An import's progress, followed every second while it commits, and its report once it is over. */
export function CommitProgress({ importId }: { importId: string }): ReactNode {
  const status = useImportStatus(importId);
  return <Loaded query={status}>{(current) => <ProgressView status={current} />}</Loaded>;
}

function ProgressView({ status }: { status: ImportStatus }): ReactNode {
  const t = useT();
  const { translator } = useI18n();
  const share = status.rows === 0 ? 100 : Math.round((settled(status) / status.rows) * 100);
  const over = status.status === 'done' || status.status === 'failed';
  const notRecorded = status.skipped + status.rejected;
  return (
    <Stack>
      <Title order={2}>{t(`console.imports.status.${status.status}`)}</Title>
      {status.status === 'uploaded' || status.status === 'checked' ? (
        <Text>{t('console.imports.notCommitted')}</Text>
      ) : (
        <>
          <Progress
            value={share}
            size="xl"
            animated={status.status === 'committing'}
            aria-label={t('console.imports.progress', { settled: settled(status), rows: status.rows })}
          />
          <Text role="status" aria-live="polite">
            {t('console.imports.progress', { settled: settled(status), rows: status.rows })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <Count label={t('console.imports.recorded')} value={status.recorded} testId="recorded" />
            <Count label={t('console.imports.skipped')} value={status.skipped} testId="skipped" />
            <Count label={t('console.imports.rejected')} value={status.rejected} testId="rejected" />
          </SimpleGrid>
        </>
      )}
      {status.status === 'failed' ? (
        <Alert color="red" role="alert">
          {t('console.imports.failed')}
        </Alert>
      ) : null}
      {over ? (
        <Stack gap="xs">
          <Text>
            {t('console.imports.report', {
              recorded: status.recorded,
              notRecorded,
            })}
          </Text>
          <Group>
            {notRecorded > 0 ? (
              <Button component="a" href={rejectedRowsUrl(status.importId, translator.locale)} download variant="light">
                {t('console.imports.downloadRejected')}
              </Button>
            ) : null}
            <Anchor component={Link} to="/imports">
              {t('console.imports.another')}
            </Anchor>
            <Anchor component={Link} to="/board">
              {t('console.imports.toBoard')}
            </Anchor>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }): ReactNode {
  return (
    <Stack gap={0} data-count={testId}>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
