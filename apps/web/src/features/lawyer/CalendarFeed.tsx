import { Alert, Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';

/**
 * The lawyer's secret calendar URL. The API keeps only a digest of it and answers it once, so the page shows it once
 * (in memory, gone when the page is left); a new one replaces the old, and revoking ends it at once.
 */
export function CalendarFeed(): ReactNode {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/v1/users/me/calendar-feed', {});
      if (data === undefined) throw toApiError(response.status, error);
      return data.url;
    },
    onSuccess: (made) => {
      setRevoked(false);
      setUrl(made);
    },
  });
  const revoke = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/v1/users/me/calendar-feed', {});
      if (!response.ok) throw toApiError(response.status, error);
    },
    onSuccess: () => {
      setUrl(null);
      setRevoked(true);
    },
  });

  return (
    <Stack component="section" aria-labelledby="calendar-feed" gap="xs">
      <Title order={2} size="h3" id="calendar-feed">
        {t('roles.feed.title')}
      </Title>
      <Text size="sm">{t('roles.feed.explain')}</Text>
      {url !== null ? (
        <Alert color="blue" title={t('roles.feed.onceTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('roles.feed.once')}</Text>
            <Group align="end" wrap="nowrap">
              <TextInput
                label={t('roles.feed.url')}
                value={url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant="light">
                    {copied ? t('roles.feed.copied') : t('roles.feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {revoked ? (
        <Text size="sm" role="status">
          {t('roles.feed.revoked')}
        </Text>
      ) : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <Group>
        <Button onClick={() => create.mutate()} loading={create.isPending}>
          {t('roles.feed.create')}
        </Button>
        <Button color="red" variant="light" onClick={() => revoke.mutate()} loading={revoke.isPending}>
          {t('roles.feed.revoke')}
        </Button>
      </Group>
    </Stack>
  );
}
