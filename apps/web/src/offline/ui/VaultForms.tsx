import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import type { OfflineVault, UnlockResult } from '../index';
import { offlineDevice } from './device';
import { MIN_PASSPHRASE, passphraseStrength } from './passphrase';

const STRENGTH_COLOUR = { short: 'red.8', weak: 'red.8', fair: 'orange.9', strong: 'teal.9' } as const;

/** Sets the passphrase of a new vault on this device (twice; at least 12 characters), for the signed-in account. */
export function CreateVaultForm({ accountId, onCreated }: { accountId: string; onCreated: () => void }): ReactNode {
  const t = useT();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useMutation({
    // The vault is on this device: no network to wait for.
    networkMode: 'always',
    mutationFn: ({ vault, passphrase }: { vault: OfflineVault; passphrase: string }) =>
      vault.create(passphrase, accountId),
    onSuccess: () => {
      setFirst('');
      setSecond('');
      onCreated();
    },
  });
  const strength = passphraseStrength(first);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.reset();
    if (first.length < MIN_PASSPHRASE) return setInvalid(t('offline.passphrase.tooShort', { min: MIN_PASSPHRASE }));
    if (first !== second) return setInvalid(t('offline.passphrase.different'));
    const vault = offlineDevice()?.vault;
    if (vault === undefined) return setInvalid(t('offline.unsupported'));
    setInvalid(null);
    create.mutate({ vault, passphrase: first });
  };
  const error = invalid ?? (create.isError ? t('offline.createFailed') : null);
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label={t('offline.passphrase.new')}
          description={t('offline.passphrase.hint', { min: MIN_PASSPHRASE })}
          autoComplete="new-password"
          value={first}
          onChange={(event) => setFirst(event.currentTarget.value)}
        />
        {first !== '' ? (
          <Text size="sm" c={STRENGTH_COLOUR[strength]} aria-live="polite">
            {t(`offline.passphrase.strength.${strength}`)}
          </Text>
        ) : null}
        <PasswordInput
          label={t('offline.passphrase.repeat')}
          autoComplete="new-password"
          value={second}
          onChange={(event) => setSecond(event.currentTarget.value)}
        />
        {error !== null ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('offline.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Unlocks this device's vault. `accountId` null: the console was opened without a connection and no session yet –
 * the account that made the vault on this device is the one opened.
 */
export function UnlockForm({
  accountId,
  onUnlocked,
  extra,
}: {
  accountId: string | null;
  onUnlocked: () => void;
  extra?: ReactNode;
}): ReactNode {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    // The vault is on this device: no network to wait for.
    networkMode: 'always',
    mutationFn: ({ vault, passphrase }: { vault: OfflineVault; passphrase: string }) =>
      vault.unlock(passphrase, accountId),
    onSuccess: (answer) => {
      if (answer !== 'unlocked') return;
      setPassphrase('');
      onUnlocked();
    },
  });
  const refused: Exclude<UnlockResult, 'unlocked'> | 'failed' | null = unlock.isError
    ? 'failed'
    : unlock.data !== undefined && unlock.data !== 'unlocked'
      ? unlock.data
      : null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const vault = offlineDevice()?.vault;
    if (vault !== undefined && passphrase !== '') unlock.mutate({ vault, passphrase });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label={t('offline.passphrase.label')}
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          data-autofocus
        />
        {refused !== null ? (
          <Alert color="red" role="alert">
            {t(`offline.unlock.${refused}`)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={unlock.isPending}>
            {t('offline.unlock.submit')}
          </Button>
          {extra}
        </Group>
      </Stack>
    </form>
  );
}
