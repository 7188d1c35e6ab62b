import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TimelineEvent } from '../../../api/types';
import { useT } from '../../../i18n/i18n-context';
import { useUser } from '../../auth/session-context';
import { useTimes } from '../../../i18n/times';

interface Props {
  readonly expectedVersion: number;
  readonly actualVersion: number | null;
  /** The case's facts, refetched after the 412: those after the version the person saw are what changed. */
  readonly events: readonly TimelineEvent[] | undefined;
  readonly onReapply: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
}

/**
 * A 412: someone recorded facts on this case after the person opened the form. They see what was recorded meanwhile
 * and decide: record theirs on top of it, or leave it.
 */
export function VersionConflict(props: Props): ReactNode {
  const t = useT();
  const times = useTimes();
  const user = useUser();
  const changes = (props.events ?? []).filter((event) => event.version > props.expectedVersion);
  return (
    <Alert color="orange" role="alert" title={t('console.conflict.title')}>
      <Text size="sm" mb="xs">
        {t('console.conflict.explain', {
          seen: props.expectedVersion,
          now: props.actualVersion ?? props.expectedVersion,
        })}
      </Text>
      <List size="sm" mb="sm">
        {changes.map((event) => (
          <List.Item key={event.eventId}>
            {/* A fact of the signed-in account is named as theirs (another tab, a retry): not as "a coordinator". */}
            {event.actor.id === user.id
              ? t('console.conflict.changeByYou', {
                  type: t(`dossier.eventType.${event.type}`),
                  when: times.fact(event),
                  recorded: times.dateTime(event.recordedAt),
                })
              : t('console.conflict.change', {
                  type: t(`dossier.eventType.${event.type}`),
                  when: times.fact(event),
                  recorded: times.dateTime(event.recordedAt),
                  role: t(`vocabulary.role.${event.actor.role}`),
                })}
          </List.Item>
        ))}
      </List>
      <Group>
        <Button size="xs" onClick={props.onReapply} loading={props.busy}>
          {t('console.conflict.reapply')}
        </Button>
        <Button size="xs" variant="default" onClick={props.onCancel}>
          {t('console.conflict.cancel')}
        </Button>
      </Group>
    </Alert>
  );
}
