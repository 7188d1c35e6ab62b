import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n-context';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Loaded } from '../../shared/Loaded';
import { useUser } from '../auth/session-context';
import { CreateAccountDialog, EditAccountDialog, PasswordResetDialog } from './AccountDialogs';
import { accountKeys, type ListedUser, useAccounts } from './api';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: ListedUser };

/** The administrator's accounts: every account, disabled ones too, with what may be changed on each. */
export function AccountsPage(): ReactNode {
  const t = useT();
  const me = useUser();
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Disabling ends the account's sessions and tokens at once (and unassigns a lawyer from every case): the API's rule.
  const toggle = useMutation({
    mutationFn: async (account: ListedUser) => {
      const path = account.disabled ? '/v1/users/{id}/enable' : '/v1/users/{id}/disable';
      const { error, response } = await api.POST(path, { params: { path: { id: account.id } } });
      if (!response.ok) throw toApiError(response.status, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.list }),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('roles.accounts.title')}</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('roles.accounts.create')}</Button>
      </Group>
      {toggle.isError ? <ErrorAlert error={toggle.error} /> : null}
      <Loaded query={accounts}>
        {(data) => (
          <DataTable
            minWidth={900}
            columns={[
              t('roles.accounts.name'),
              t('roles.accounts.email'),
              t('roles.accounts.role'),
              t('roles.accounts.timeZone'),
              t('roles.accounts.state'),
              t('roles.accounts.actions'),
            ]}
            rows={data}
            row={(account) => (
              <Table.Tr key={account.id}>
                <Table.Th scope="row" fw={600}>
                  {account.name}
                </Table.Th>
                <Table.Td>{account.email}</Table.Td>
                <Table.Td>{t(`vocabulary.role.${account.role}`)}</Table.Td>
                <Table.Td>{account.timeZone}</Table.Td>
                <Table.Td>
                  <Badge color={account.disabled ? 'gray' : undefined} variant="light">
                    {t(account.disabled ? 'roles.accounts.disabled' : 'roles.accounts.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setDialog({ kind: 'edit', account })}
                      aria-label={t('roles.accounts.editFor', { name: account.name })}
                    >
                      {t('roles.accounts.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'reset', account })}
                      aria-label={t('roles.accounts.resetFor', { name: account.name })}
                    >
                      {t('roles.accounts.reset')}
                    </Button>
                    {account.id === me.id ? null : (
                      <Button
                        size="xs"
                        variant={account.disabled ? 'default' : 'filled'}
                        color={account.disabled ? undefined : 'red'}
                        loading={toggle.isPending && toggle.variables?.id === account.id}
                        onClick={() => toggle.mutate(account)}
                        aria-label={t(account.disabled ? 'roles.accounts.enableFor' : 'roles.accounts.disableFor', {
                          name: account.name,
                        })}
                      >
                        {t(account.disabled ? 'roles.accounts.enable' : 'roles.accounts.disable')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Loaded>
      {dialog?.kind === 'create' ? <CreateAccountDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <EditAccountDialog account={dialog.account} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? (
        <PasswordResetDialog account={dialog.account} onClose={() => setDialog(null)} />
      ) : null}
    </Stack>
  );
}
