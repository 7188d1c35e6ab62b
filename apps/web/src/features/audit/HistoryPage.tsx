import { Grid, RangeSlider, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageLoader } from '../../shared/PageLoader';
import { usePeople } from '../../shared/people';
import { useCase, useTimeline } from '../case/api';
import { Timeline } from '../case/Timeline';
import { type TimeAxis, useChanges, useHistory } from './api';
import { CaseAsItStood } from './CaseAsItStood';
import { DossierDownload } from './DossierDownload';
import { IntegrityBadge } from './IntegrityBadge';
import { momentsOf } from './moments';

/**
 * The auditor's replay of one case: a slider over the moments of its life on either axis ("what had happened by",
 * "what we knew on"); the case as it stood at the later thumb, the facts that changed since the earlier one; the
 * chain's integrity and the dossier. Nothing here writes.
 */
export function HistoryPage(): ReactNode {
  const { caseId = '' } = useParams();
  const t = useT();
  const times = useTimes();
  const people = usePeople();
  const detail = useCase(caseId);
  const timeline = useTimeline(caseId);
  const [axis, setAxis] = useState<TimeAxis>('recorded');
  const moments = momentsOf(timeline.data ?? [], axis);
  const last = Math.max(0, moments.length - 1);
  // Null: the whole life, first moment to last (also after switching axis, whose moments differ).
  const [range, setRange] = useState<[number, number] | null>(null);
  const [from, until] = range === null ? [0, last] : [Math.min(range[0], last), Math.min(range[1], last)];
  const history = useHistory(caseId, moments[until] ?? null, axis);
  const changes = useChanges(caseId, axis, moments[from] ?? null, moments[until] ?? null);
  const label = (index: number): string => (moments[index] ? times.dateTime(moments[index]) : '');

  if (detail.isError) return <ErrorAlert error={detail.error} />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} />;
  if (detail.isPending || timeline.isPending) return <PageLoader />;

  return (
    <Stack>
      <Title order={1}>{t('roles.history.title', { name: detail.data.fullName })}</Title>
      <IntegrityBadge caseId={caseId} />
      <DossierDownload caseId={caseId} />
      <SegmentedControl
        aria-label={t('roles.history.axis')}
        value={axis}
        onChange={(value) => {
          setAxis(value === 'occurred' ? 'occurred' : 'recorded');
          setRange(null);
        }}
        data={[
          { value: 'occurred', label: t('roles.history.axis.occurred') },
          { value: 'recorded', label: t('roles.history.axis.recorded') },
        ]}
        w="fit-content"
      />
      {moments.length > 1 ? (
        <Stack gap={4} px="md" pb="lg">
          <Text size="sm" id="history-slider">
            {t('roles.history.slider')}
          </Text>
          <RangeSlider
            min={0}
            max={last}
            step={1}
            minRange={0}
            value={[from, until]}
            onChange={setRange}
            label={label}
            thumbFromLabel={t('roles.history.from')}
            thumbToLabel={t('roles.history.until')}
            marks={moments.map((_, i) => ({ value: i }))}
          />
        </Stack>
      ) : null}
      <Text aria-live="polite" size="sm">
        {t('roles.history.between', { from: label(from), until: label(until) })}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={2} size="h3" mb="sm">
            {t('roles.history.asItStood', { when: label(until) })}
          </Title>
          {history.isError ? <ErrorAlert error={history.error} /> : null}
          {history.data ? <CaseAsItStood history={history.data} /> : <PageLoader />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={2} size="h3" mb="sm">
            {t('roles.history.changes')}
          </Title>
          {changes.isError ? <ErrorAlert error={changes.error} /> : null}
          {changes.data && changes.data.length === 0 ? <Text c="dimmed">{t('roles.history.noChanges')}</Text> : null}
          {changes.data && changes.data.length > 0 ? <Timeline events={changes.data} people={people} /> : null}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
