import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import type { UnlockResult } from '../index';
import { offlineDevice } from './device';
import { MIN_PASSPHRASE, passphraseStrength } from './passphrase';

const STRENGTH_COLOUR = { short: 'red.8', weak: 'red.8', fair: 'orange.9', strong: 'teal.9' } as const;

/** Sets the passphrase of a new vault on this device (twice; at least 12 characters), for the signed-in account. */
export function CreateVaultForm({ accountId, onCreated }: { accountId: string; onCreated: () => void }): ReactNode {
  const t = useT();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(first);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (first.length < MIN_PASSPHRASE) return setError(t('offline.passphrase.tooShort', { min: MIN_PASSPHRASE }));
    if (first !== second) return setError(t('offline.passphrase.different'));
    const device = offlineDevice();
    if (device === null) return setError(t('offline.unsupported'));
    setError(null);
    setBusy(true);
    try {
      await device.vault.create(first, accountId);
      setFirst('');
      setSecond('');
      onCreated();
    } catch {
      setError(t('offline.createFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
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
          <Button type="submit" loading={busy}>
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
  const [result, setResult] = useState<UnlockResult | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const device = offlineDevice();
    if (device === null || passphrase === '') return;
    setBusy(true);
    try {
      const answer = await device.vault.unlock(passphrase, accountId);
      setResult(answer);
      if (answer === 'unlocked') {
        setPassphrase('');
        onUnlocked();
      }
    } catch {
      setResult('failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label={t('offline.passphrase.label')}
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          data-autofocus
        />
        {result !== null && result !== 'unlocked' ? (
          <Alert color="red" role="alert">
            {t(`offline.unlock.${result}`)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {t('offline.unlock.submit')}
          </Button>
          {extra}
        </Group>
      </Stack>
    </form>
  );
}
