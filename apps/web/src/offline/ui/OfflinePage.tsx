import { Anchor, Alert, Button, Card, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail, CaseSummaryPage } from '../../api/types';
import { caseloadUrl } from '../index';
import { useUser } from '../../features/auth/session-context';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { notifyDone } from '../../shared/notify';
import { offlineDevice } from './device';
import { intakeName } from './entry-words';
import { useOnline, useOutbox, useVaultState } from './hooks';
import { PendingEntries } from './PendingEntries';
import { removeShellFromDevice } from './register-sw';
import { refreshOffline, sendNow } from './sync-runner';
import { CreateVaultForm, UnlockForm } from './VaultForms';

/** A case kept on this device, named as the vault has it. */
interface KeptCase {
  readonly id: string;
  readonly name: string | null;
}

/**
 * The vault's own facts, read again when it changes: settings, the cases kept (a lawyer's caseload, then the pins,
 * with the names the vault has: the way to a case when the board cannot load), last refresh.
 */
function useVaultFacts(
  state: string,
  lawyerId: string | null,
): {
  readonly maxAge: number | null;
  readonly kept: readonly KeptCase[];
  readonly refreshed: string | null;
} {
  const query = useQuery({
    queryKey: ['offline-vault', state, lawyerId],
    enabled: state === 'unlocked',
    staleTime: 0,
    queryFn: async () => {
      const vault = offlineDevice()?.vault;
      if (vault === undefined) return { maxAge: null, kept: [], refreshed: null };
      const caseload = lawyerId === null ? null : await vault.getAnswer(caseloadUrl(lawyerId));
      const fromCaseload: KeptCase[] = ((caseload?.body as CaseSummaryPage | undefined)?.items ?? []).map((item) => ({
        id: item.caseId,
        name: item.fullName,
      }));
      const pins = (await vault.pinned()).filter((id) => !fromCaseload.some((kept) => kept.id === id));
      const pinned = await Promise.all(
        pins.map(async (id) => {
          const cached = await vault.getAnswer(`/v1/cases/${id}`);
          return { id, name: (cached?.body as CaseDetail | undefined)?.fullName ?? null };
        }),
      );
      return {
        maxAge: (await vault.settings()).maxOfflineAgeDays,
        kept: [...fromCaseload, ...pinned],
        refreshed: await vault.lastRefreshedAt(),
      };
    },
  });
  return query.data ?? { maxAge: null, kept: [], refreshed: null };
}

function Settings({ maxAge }: { maxAge: number }): ReactNode {
  const t = useT();
  // What the field holds, emptied included: turning an emptied field into 1 at once made "clear, type 2" read 12.
  const [value, setValue] = useState<number | string>(maxAge);
  const days = typeof value === 'number' ? value : Number(value);
  const valid = value !== '' && Number.isInteger(days) && days >= 1 && days <= 30;
  const save = async (): Promise<void> => {
    if (!valid) return;
    await offlineDevice()?.vault.setSettings({ maxOfflineAgeDays: days });
    notifyDone(t('offline.settings.saved'), t('console.common.close'));
  };
  return (
    <Group align="flex-end">
      <NumberInput
        label={t('offline.settings.maxAge')}
        description={t('offline.settings.maxAgeHint')}
        min={1}
        max={30}
        clampBehavior="strict"
        allowDecimal={false}
        value={value}
        onChange={setValue}
        w={260}
      />
      <Button variant="default" disabled={!valid} onClick={() => void save()}>
        {t('offline.settings.save')}
      </Button>
    </Group>
  );
}

function Wipe(): ReactNode {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const wipe = useMutation({
    // All on this device: no network to wait for.
    networkMode: 'always',
    mutationFn: async () => {
      await offlineDevice()?.vault.wipe();
      await removeShellFromDevice();
    },
    onSuccess: () => {
      setConfirming(false);
      notifyDone(t('offline.wipe.done'), t('console.common.close'));
    },
  });
  return (
    <Group>
      <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
        {t('offline.wipe.button')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('offline.wipe.title')}
        closeButtonProps={{ 'aria-label': t('console.common.close') }}
      >
        <Stack>
          <Text size="sm">{t('offline.wipe.text')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('console.form.cancel')}
            </Button>
            <Button color="red" loading={wipe.isPending} onClick={() => wipe.mutate()}>
              {t('offline.wipe.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

/** One part of the page: a bordered section named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** "Offline use": the passphrase, lock, wipe, the max offline age, the cases kept here, and the outbox. */
export function OfflinePage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const user = useUser();
  const state = useVaultState();
  const online = useOnline();
  const { entries, count } = useOutbox();
  const facts = useVaultFacts(state, user.role === 'lawyer' ? user.id : null);
  const intakes = entries.filter((entry) => entry.path === '/v1/cases');
  const supported = offlineDevice() !== null;

  return (
    <Stack maw={860}>
      <Title order={1}>{t('offline.title')}</Title>
      <Text size="sm">{t('offline.explain')}</Text>
      {!supported ? <Alert color="red">{t('offline.unsupported')}</Alert> : null}
      <Section id="offline-status" title={t('offline.status.title')}>
        <Stack gap={4}>
          <Text size="sm">{t(online ? 'offline.status.online' : 'offline.status.offline')}</Text>
          <Text size="sm" data-testid="vault-state">
            {t(`offline.status.vault.${state}`)}
          </Text>
          {state === 'unlocked' ? (
            <Text size="sm">
              {facts.refreshed !== null
                ? t('offline.status.refreshed', { when: times.dateTime(facts.refreshed) })
                : t('offline.status.neverRefreshed')}
            </Text>
          ) : null}
          <Text size="sm">{t('offline.status.waiting', { count })}</Text>
        </Stack>
        {state === 'unlocked' ? (
          <Group mt="sm">
            <Button size="xs" onClick={() => void sendNow()} disabled={!online || count === 0}>
              {t('offline.sendNow')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void refreshOffline()} disabled={!online}>
              {t('offline.refreshNow')}
            </Button>
            <Button size="xs" variant="default" onClick={() => offlineDevice()?.vault.lock()}>
              {t('offline.lock')}
            </Button>
          </Group>
        ) : null}
      </Section>
      {state === 'absent' && supported ? (
        <Section id="offline-create" title={t('offline.createTitle')}>
          <Text size="sm" mb="sm">
            {t('offline.createExplain')}
          </Text>
          <CreateVaultForm accountId={user.id} onCreated={() => void refreshOffline()} />
        </Section>
      ) : null}
      {state === 'locked' ? (
        <Section id="offline-unlock" title={t('offline.unlock.title')}>
          <UnlockForm accountId={user.id} onUnlocked={() => undefined} />
        </Section>
      ) : null}
      {state === 'unlocked' && facts.maxAge !== null ? (
        <Section id="offline-kept" title={t('offline.kept.title')}>
          <Stack gap="sm">
            <Settings key={facts.maxAge} maxAge={facts.maxAge} />
            <Text size="sm">{t(user.role === 'lawyer' ? 'offline.kept.caseload' : 'offline.kept.pinnedOnly')}</Text>
            {facts.kept.length > 0 ? (
              <Stack gap={2} component="ul" m={0}>
                {facts.kept.map((pin) => (
                  <li key={pin.id}>
                    <Anchor component={Link} to={`/cases/${pin.id}`} size="sm">
                      {pin.name ?? t('offline.kept.unnamed')}
                    </Anchor>
                  </li>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('offline.kept.noPins')}
              </Text>
            )}
          </Stack>
        </Section>
      ) : null}
      {state === 'unlocked' ? (
        <Section id="offline-outbox" title={t('offline.outbox.title')}>
          {intakes.length > 0 ? (
            <Stack gap={2} mb="sm">
              {intakes.map((entry) => (
                <Anchor
                  key={entry.id}
                  component={Link}
                  to={`/offline/pending/${encodeURIComponent(entry.caseRef)}`}
                  size="sm"
                >
                  {t('offline.outbox.pendingCase', { name: intakeName(entry) ?? '' })}
                </Anchor>
              ))}
            </Stack>
          ) : null}
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('offline.outbox.empty')}
            </Text>
          ) : (
            <PendingEntries />
          )}
        </Section>
      ) : null}
      {state !== 'absent' && state !== 'opening' ? (
        <Section id="offline-wipe" title={t('offline.wipe.title')}>
          <Text size="sm" mb="sm">
            {t('offline.wipe.explain')}
          </Text>
          <Wipe />
        </Section>
      ) : null}
    </Stack>
  );
}
