import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type UseMutationResult, useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/errors';
import type { VersionMismatch } from '../../api/types';
import { fetchCase, fetchTimeline } from '../../features/case/api';
import { VersionConflict } from '../../features/case/forms/VersionConflict';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { errorMessage } from '../../shared/ErrorAlert';
import type { OutboxEntry } from '../index';
import { offlineDevice } from './device';
import { entryFactTime, entryLabelKey } from './entry-words';
import { useOutbox } from './hooks';
import { isLocalCaseRef } from './queue';
import { changeHref } from './replace';
import { sendNow } from './sync-runner';

function mismatchOf(entry: OutboxEntry): VersionMismatch | null {
  if (entry.problem?.status !== 412) return null;
  const error = toApiError(412, entry.problem.body);
  return error.body.details.find((d): d is VersionMismatch => 'expectedVersion' in d) ?? null;
}

/**
 * "Send again": the held entry back to pending under a new key, based on the case's version now (the 412's when it
 * named it, else read from the server), and sent at once.
 */
function useSendAgain(entry: OutboxEntry, knownVersion: number | null): UseMutationResult<void, Error, void> {
  return useMutation({
    mutationFn: async () => {
      const version = knownVersion ?? (await fetchCase(entry.pathParams.caseId ?? '')).version;
      await offlineDevice()?.outbox.reapply(entry.id, version);
      await sendNow();
    },
  });
}

/** A 412 held entry: what was recorded on the case meanwhile (read from the server), and re-apply / discard. */
function HeldConflict({ entry, onDiscard }: { entry: OutboxEntry; onDiscard: () => void }): ReactNode {
  const caseId = entry.pathParams.caseId ?? '';
  const mismatch = mismatchOf(entry);
  const expected = mismatch?.expectedVersion ?? entry.ifMatch ?? 0;
  // Read fresh from the server: the page's cached timeline is what the person saw before the conflict.
  const timeline = useQuery({
    queryKey: ['case', caseId, 'timeline', 'held', entry.id],
    staleTime: 0,
    queryFn: () => fetchTimeline(caseId),
    enabled: caseId !== '' && !isLocalCaseRef(caseId),
  });
  const sendAgain = useSendAgain(entry, mismatch?.actualVersion ?? null);
  return (
    <VersionConflict
      expectedVersion={expected}
      actualVersion={mismatch?.actualVersion ?? null}
      events={timeline.data}
      busy={sendAgain.isPending}
      onReapply={() => sendAgain.mutate()}
      onCancel={onDiscard}
    />
  );
}

function EntryItem({ entry }: { entry: OutboxEntry }): ReactNode {
  const t = useT();
  const { translator } = useI18n();
  const times = useTimes();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const sendAgain = useSendAgain(entry, null);
  const when = entryFactTime(entry);
  const caseId = entry.pathParams.caseId;
  // "Change" enters the fact anew in its form; recording it discards this entry (see replace.ts).
  const changeTo = caseId !== undefined && !isLocalCaseRef(caseId) ? changeHref(entry) : null;
  const discard = async (): Promise<void> => {
    await offlineDevice()?.outbox.discard(entry.id);
    setConfirming(false);
  };
  const held = entry.state === 'held';
  return (
    <Card withBorder padding="sm" component="li" data-testid="outbox-entry" data-state={entry.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {t(entryLabelKey(entry))}
          </Text>
          <Badge color={held ? 'red' : 'yellow'} variant="light">
            {t(`offline.state.${entry.state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {when !== null ? t('offline.entry.occurred', { when: times.fact(when) }) : null}{' '}
          {t('offline.entry.entered', { when: times.dateTime(entry.enteredAt) })}
        </Text>
        {held && entry.problem !== undefined && entry.problem.status === 412 ? (
          <HeldConflict entry={entry} onDiscard={() => setConfirming(true)} />
        ) : null}
        {held && entry.problem !== undefined && entry.problem.status !== 412 ? (
          <Alert color="red" role="alert" title={t('offline.held.title')}>
            {errorMessage(
              toApiError(entry.problem.status, entry.problem.body),
              (key) => translator.t(key),
              (key) => translator.has(key),
            )}
          </Alert>
        ) : null}
        {held ? (
          <Group gap="xs">
            {entry.problem?.status !== 412 && caseId !== undefined && !isLocalCaseRef(caseId) ? (
              <Button size="xs" loading={sendAgain.isPending} onClick={() => sendAgain.mutate()}>
                {t('offline.held.reapply')}
              </Button>
            ) : null}
            {changeTo !== null ? (
              <Button size="xs" variant="default" onClick={() => void navigate(changeTo)}>
                {t('offline.held.change')}
              </Button>
            ) : null}
            <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
              {t('offline.held.discard')}
            </Button>
          </Group>
        ) : null}
        {held && changeTo !== null ? (
          <Text size="xs" c="dimmed">
            {t('offline.held.changeHint')}
          </Text>
        ) : null}
        {confirming ? (
          <Alert color="red" title={t('offline.discard.title')}>
            <Text size="sm" mb="xs">
              {t('offline.discard.text')}
            </Text>
            <Group gap="xs">
              <Button size="xs" color="red" onClick={() => void discard()}>
                {t('offline.discard.confirm')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t('console.form.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The outbox's entries of one case (or of every case): above the case's timeline, and on the offline page. */
export function PendingEntries({ caseRef }: { caseRef?: string }): ReactNode {
  const t = useT();
  const { entries } = useOutbox();
  const shown = caseRef === undefined ? entries : entries.filter((entry) => entry.caseRef === caseRef);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="pending-entries">
      <Title order={2} size="h4" id="pending-entries" mb="xs">
        {t('offline.pending.title', { count: shown.length })}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((entry) => (
          <EntryItem key={entry.id} entry={entry} />
        ))}
      </Stack>
    </section>
  );
}
