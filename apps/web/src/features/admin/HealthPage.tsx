import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n, useT } from '../../i18n/i18n-context';
import { Loaded } from '../../shared/Loaded';
import { useHealth } from './api';

// Indigo, gray and red keep their light badges' text above 4.5:1 (green and yellow do not).
const COLOURS = { up: 'indigo', ok: 'indigo', degraded: 'gray', down: 'red' } as const;
const CHECKS = ['database', 'eventStore', 'redis', 'projector'] as const;
const QUEUE = ['waiting', 'active', 'delayed', 'failed'] as const;

/** The deployment's health as /health tells an admin (refreshed every 15 s), and the link to the queue board. */
export function HealthPage(): ReactNode {
  const t = useT();
  const { translator } = useI18n();
  const health = useHealth();
  const number = new Intl.NumberFormat(translator.locale);
  return (
    <Stack>
      <Title order={1}>{t('roles.health.title')}</Title>
      <Loaded query={health}>
        {(data) => (
          <>
            <Text aria-live="polite">
              {t('roles.health.overall')}{' '}
              <Badge color={COLOURS[data.status]} variant="light">
                {t(`roles.health.status.${data.status}`)}
              </Badge>
            </Text>
            {(data.reasons ?? []).length > 0 ? (
              <Text size="sm">
                {(data.reasons ?? []).map((reason) => t(`roles.health.reason.${reason}`)).join(' · ')}
              </Text>
            ) : null}
            <Table withTableBorder maw={800}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('roles.health.column.check')}</Table.Th>
                  <Table.Th scope="col">{t('roles.health.column.status')}</Table.Th>
                  <Table.Th scope="col">{t('roles.health.column.latency')}</Table.Th>
                  <Table.Th scope="col">{t('roles.health.column.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {CHECKS.map((name) => {
                  const check = data.checks[name];
                  return (
                    <Table.Tr key={name}>
                      <Table.Th scope="row">{t(`roles.health.check.${name}`)}</Table.Th>
                      <Table.Td>
                        <Badge color={COLOURS[check.status]} variant="light">
                          {t(`roles.health.status.${check.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {check.latencyMs === undefined ? '' : t('roles.health.ms', { ms: check.latencyMs })}
                      </Table.Td>
                      <Table.Td>
                        {check.lag
                          ? t('roles.health.lag', {
                              events: check.lag.events,
                              seconds: check.lag.seconds,
                              quarantined: check.lag.quarantined,
                            })
                          : (check.error ?? '')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Title order={2} size="h3">
              {t('roles.health.queue')}
            </Title>
            {data.reminderQueue ? (
              <Table withTableBorder maw={400}>
                <Table.Tbody>
                  {QUEUE.map((state) => (
                    <Table.Tr key={state}>
                      <Table.Th scope="row">{t(`roles.health.queueState.${state}`)}</Table.Th>
                      <Table.Td ta="right">{number.format(data.reminderQueue?.[state] ?? 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed">{t('roles.health.queueUnknown')}</Text>
            )}
          </>
        )}
      </Loaded>
      {/* A full page load: the queue board is served by the API process, outside the console's routes. */}
      <Anchor href="/admin/queues/" target="_blank" rel="noopener">
        {t('roles.health.queueBoard')}
      </Anchor>
    </Stack>
  );
}
