import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TimelineEvent } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { describeFact } from './timeline/describe-fact';
import { FactDetails } from './timeline/FactDetails';
import { typeName, type Words } from './timeline/words';

interface Props {
  readonly events: readonly TimelineEvent[];
  readonly people: ReadonlyMap<string, string>;
  /** Offered to those who may write to the case; absent for readers. */
  readonly onRetract?: (event: TimelineEvent) => void;
}

/** Facts that may not be retracted: retractions themselves, and the facts that make the case what it is. */
const NOT_RETRACTABLE: ReadonlySet<string> = new Set([
  'CaseOpened',
  'FactRetracted',
  'CaseErased',
  'DuplicateMerged',
  'MergeRequested',
]);

/**
 * Every fact, newest first: what it states in words, when it happened (with its precision), when it was recorded, by
 * whom; retractions marked.
 */
export function Timeline({ events, people, onRetract }: Props): ReactNode {
  const { translator } = useI18n();
  const t = (key: string, values?: Readonly<Record<string, string | number>>): string => translator.t(key, values);
  const times = useTimes();
  const words: Words = { t, has: (key) => translator.has(key), times, people, events };
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {[...events].reverse().map((event) => {
        const who =
          event.actor.id === 'system'
            ? t('vocabulary.role.system')
            : t('console.timeline.actor', {
                name: people.get(event.actor.id) ?? t('console.case.someone'),
                role: t(`vocabulary.role.${event.actor.role}`),
              });
        const name = typeName(words, event.type);
        return (
          <Card key={event.eventId} withBorder padding="xs" component="li" opacity={event.retracted ? 0.7 : 1}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0, flex: 1 }}>
                <Group gap="xs">
                  <Title order={3} size="h6" td={event.retracted ? 'line-through' : undefined}>
                    {name}
                  </Title>
                  {event.retracted ? (
                    <Badge color="gray" size="sm">
                      {t('console.timeline.retracted')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm">{times.factWithRecorded(event)}</Text>
                <FactDetails lines={describeFact(event, words)} label={t('console.fact.details')} />
                <Text size="xs" c="dimmed">
                  {t('console.timeline.recorded', { when: times.dateTime(event.recordedAt), who })}
                </Text>
              </div>
              {onRetract && !event.retracted && !NOT_RETRACTABLE.has(event.type) ? (
                <Button
                  size="compact-xs"
                  style={{ flexShrink: 0 }}
                  variant="subtle"
                  color="red"
                  onClick={() => onRetract(event)}
                  aria-label={t('console.timeline.retractLabel', { type: name })}
                >
                  {t('console.timeline.retract')}
                </Button>
              ) : null}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
