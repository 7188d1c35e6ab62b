import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiError, fieldErrors, toApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { notifyDone } from '../../shared/notify';
import { Loaded } from '../../shared/Loaded';
import { type NotificationSettings, type TestNotification, useReminderLog } from './api';

const SETTINGS_KEY = ['notifications', 'settings'] as const;

/** Absent leaves a setting as it is (the API's rule), so an empty body answers the settings without changing them. */
async function putSettings(body: { email?: string | null; webhookUrl?: string | null }): Promise<NotificationSettings> {
  const { data, error, response } = await api.PUT('/v1/users/me/notifications', { body });
  if (data === undefined) throw toApiError(response.status, error);
  return data;
}

interface SettingsFormProps {
  readonly settings: NotificationSettings;
  readonly onTest: () => void;
  readonly testing: boolean;
}

/** The two channels, starting from what is set; an emptied field goes back to the default. */
function SettingsForm({ settings, onTest, testing }: SettingsFormProps): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(settings.email ?? '');
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? '');
  const save = useMutation({
    // An emptied field goes back to the default: null clears the notification email or stops webhooks.
    mutationFn: () => putSettings({ email: email.trim() || null, webhookUrl: webhookUrl.trim() || null }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      notifyDone(t('roles.notifications.saved'), t('console.common.close'));
    },
  });
  const problems = save.error instanceof ApiError && save.error.status === 400 ? fieldErrors(save.error) : {};
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={560} gap="sm">
        <TextInput
          type="email"
          label={t('roles.notifications.email')}
          description={t('roles.notifications.emailHint', { deliversTo: settings.deliversTo })}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problems.email}
        />
        <TextInput
          type="url"
          label={t('roles.notifications.webhook')}
          description={t('roles.notifications.webhookHint')}
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.currentTarget.value)}
          error={problems.webhookUrl}
        />
        {save.isError && Object.keys(problems).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('roles.notifications.save')}
          </Button>
          <Button variant="default" onClick={onTest} loading={testing}>
            {t('roles.notifications.test')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where reminders go (email, webhook), a test message through both, and the log of reminders sent or due. */
export function NotificationsPage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => putSettings({}) });
  const log = useReminderLog();
  const [test, setTest] = useState<TestNotification | null>(null);

  const sendTest = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/v1/users/me/notifications/test', {});
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
    onSuccess: setTest,
  });
  return (
    <Stack>
      <Title order={1}>{t('roles.notifications.title')}</Title>
      <Loaded query={settings}>
        {(data) => <SettingsForm settings={data} onTest={() => sendTest.mutate()} testing={sendTest.isPending} />}
      </Loaded>
      {sendTest.isError ? <ErrorAlert error={sendTest.error} /> : null}
      {test ? (
        <Stack gap={4} role="status">
          {test.channels.map((channel) => (
            <Text size="sm" key={channel.channel}>
              {t('roles.notifications.testResult', {
                channel: t(`roles.notifications.channel.${channel.channel}`),
                status: t(`roles.notifications.status.${channel.status}`),
                address: channel.address ?? '',
              })}
              {channel.error ? ` ${t('roles.notifications.testError', { error: channel.error })}` : ''}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Title order={2} size="h3">
        {t('roles.reminders.title')}
      </Title>
      <Loaded query={log}>
        {(reminders) => (
          <DataTable
            minWidth={700}
            empty={t('roles.reminders.empty')}
            columns={[
              t('roles.reminders.column.due'),
              t('roles.reminders.column.kind'),
              t('roles.reminders.column.case'),
              t('roles.reminders.column.status'),
              t('roles.reminders.column.sent'),
            ]}
            rows={reminders}
            row={(reminder) => (
              <Table.Tr key={reminder.reminderId}>
                <Table.Td>{times.dateTime(reminder.dueAt)}</Table.Td>
                <Table.Td>{t(`roles.reminderKind.${reminder.kind}`)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${reminder.caseId}`}>
                    {t('roles.reminders.openCase', { id: reminder.caseId.slice(0, 8) })}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={reminder.status === 'failed' ? 'red' : reminder.status === 'sent' ? undefined : 'gray'}
                  >
                    {t(`roles.reminderState.${reminder.status}`)}
                  </Badge>
                  {reminder.lastError ? (
                    <Text size="xs" c="dimmed">
                      {reminder.lastError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{reminder.sentAt ? times.dateTime(reminder.sentAt) : ''}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Loaded>
    </Stack>
  );
}
