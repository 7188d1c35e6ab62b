import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Stats } from '../../api/types';
import { useI18n, useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageLoader } from '../../shared/PageLoader';
import { type Bar, BarChart } from './BarChart';
import { exportHref, type StatsFilter, useStats } from './api';

type Translate = ReturnType<typeof useT>;

/** The charts of the dashboard, each from one figure of GET /v1/stats, labelled from the catalogues. */
export function chartsOf(stats: Stats, t: Translate): Array<{ id: string; title: string; bars: Bar[] }> {
  return [
    {
      id: 'status',
      title: t('roles.stats.chart.status'),
      bars: Object.entries(stats.byStatus ?? {}).map(([status, value]) => ({
        key: status,
        label: t(`vocabulary.caseStatus.${status}`),
        value,
      })),
    },
    {
      id: 'city',
      title: t('roles.stats.chart.city'),
      bars: stats.byCity.map((c) => ({ key: c.city, label: c.city, value: c.count })),
    },
    {
      id: 'article',
      title: t('roles.stats.chart.article'),
      bars: stats.byArticle.map((a) => ({
        key: a.article,
        label: a.title ? t('roles.stats.articleTitled', { article: a.article, title: a.title }) : a.article,
        value: a.count,
      })),
    },
    {
      id: 'torture',
      title: t('roles.stats.chart.torture'),
      bars: stats.byTortureMethod.map((m) => ({
        key: m.method,
        label: t(`vocabulary.tortureMethod.${m.method}`),
        value: m.count,
      })),
    },
    {
      id: 'deaths',
      title: t('roles.stats.chart.deaths', { deaths: stats.deaths }),
      bars: stats.deathsByCircumstance.map((d) => ({
        key: d.circumstances,
        label: t(`vocabulary.deathCircumstances.${d.circumstances}`),
        value: d.count,
      })),
    },
    {
      id: 'deathCauses',
      title: t('roles.stats.chart.deathCauses'),
      bars: stats.deathsByCause.map((d) => ({
        key: d.cause,
        label: t(`vocabulary.deathCause.${d.cause}`),
        value: d.count,
      })),
    },
  ];
}

/**
 * The coordinator's statistics over a period of detention dates (and a city): each chart with its table of numbers,
 * the hearings' figures, and the exports of the cases and of the statistics with the same filters.
 */
export function StatsPage(): ReactNode {
  const t = useT();
  const { translator, timeZone } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: StatsFilter = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    city: params.get('city') ?? undefined,
  };
  const [draft, setDraft] = useState({ from: filter.from ?? '', to: filter.to ?? '', city: filter.city ?? '' });
  const stats = useStats(filter);
  const number = new Intl.NumberFormat(translator.locale);
  const percent = new Intl.NumberFormat(translator.locale, { style: 'percent', maximumFractionDigits: 0 });

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    if (draft.city.trim()) next.set('city', draft.city.trim());
    setParams(next, { replace: true });
  };
  const common = { lang: translator.locale, tz: timeZone };
  const exports = [
    {
      key: 'casesCsv',
      href: exportHref('/v1/cases/export', {
        ...common,
        format: 'csv',
        detainedFrom: filter.from,
        detainedTo: filter.to,
        city: filter.city,
      }),
    },
    {
      key: 'casesXlsx',
      href: exportHref('/v1/cases/export', {
        ...common,
        format: 'xlsx',
        detainedFrom: filter.from,
        detainedTo: filter.to,
        city: filter.city,
      }),
    },
    { key: 'statsCsv', href: exportHref('/v1/stats/export', { ...common, format: 'csv', ...filter }) },
    { key: 'statsXlsx', href: exportHref('/v1/stats/export', { ...common, format: 'xlsx', ...filter }) },
  ];
  const hearings = stats.data?.hearings;
  const share = (value: number | null | undefined): string =>
    value === null || value === undefined ? t('roles.stats.notRecorded') : percent.format(value);

  return (
    <Stack>
      <Title order={1}>{t('roles.stats.title')}</Title>
      <form onSubmit={apply} aria-label={t('roles.stats.filters')}>
        <Group align="end">
          <TextInput
            type="date"
            label={t('roles.stats.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('roles.stats.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <TextInput
            label={t('roles.stats.city')}
            value={draft.city}
            onChange={(e) => setDraft({ ...draft, city: e.currentTarget.value })}
          />
          <Button type="submit">{t('roles.stats.apply')}</Button>
        </Group>
      </form>
      <Group component="nav" aria-label={t('roles.stats.exports')} gap="md">
        <Text fw={600} size="sm">
          {t('roles.stats.exports')}
        </Text>
        {exports.map((link) => (
          <Anchor key={link.key} href={link.href} download size="sm">
            {t(`roles.stats.export.${link.key}`)}
          </Anchor>
        ))}
      </Group>
      {stats.isPending ? <PageLoader /> : null}
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {stats.data ? (
        <>
          {chartsOf(stats.data, t).map((chart) => (
            <BarChart key={chart.id} title={chart.title} bars={chart.bars} valueLabel={t('roles.stats.cases')} />
          ))}
          <Title order={2} size="h4">
            {t('roles.stats.chart.hearings')}
          </Title>
          <Table withTableBorder maw={640}>
            <Table.Caption>{t('roles.stats.hearings.caption')}</Table.Caption>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('roles.stats.hearings.held')}</Table.Th>
                <Table.Td ta="right">{number.format(hearings?.held ?? 0)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('roles.stats.hearings.medianMinutes')}</Table.Th>
                <Table.Td ta="right">
                  {hearings?.medianDurationMinutes === null || hearings === undefined
                    ? t('roles.stats.notRecorded')
                    : number.format(hearings.medianDurationMinutes)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('roles.stats.hearings.defendantHeard')}</Table.Th>
                <Table.Td ta="right">{share(hearings?.defendantHeardShare)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('roles.stats.hearings.lawyerPresent')}</Table.Th>
                <Table.Td ta="right">{share(hearings?.lawyerPresentShare)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
