import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Loaded } from '../../shared/Loaded';
import { useUser } from '../auth/session-context';
import { useCaseList } from '../board/api';
import { CaseTable } from '../board/CaseTable';
import { extendMeasureForm } from '../case/forms/definitions/extend-measure';
import { hearingOutcomeForm } from '../case/forms/definitions/hearing-outcome';
import { releaseForm } from '../case/forms/definitions/release';
import type { AnyWriteForm, FormValues } from '../case/forms/registry';
import { CaseWriteDialog } from '../quick-write/CaseWriteDialog';
import { type AgendaItem, useAgenda } from './api';

const PERIODS = [7, 14, 30, 90] as const;

interface Opened {
  readonly caseId: string;
  readonly definition: AnyWriteForm;
  readonly preset?: FormValues;
}

/** What the deadline is about, in words from the catalogue. */
function useDescribe(): (item: AgendaItem) => string {
  const t = useT();
  const { locale } = useI18n().translator;
  const times = useTimes();
  return (item) => {
    switch (item.kind) {
      case 'hearing':
        return t('roles.agenda.item.hearing', {
          kind: t(`vocabulary.hearingKind.${item.hearing.kind}`),
          court: item.hearing.court,
        });
      case 'measure_ends':
        return t('roles.agenda.item.measureEnds', { measure: t(`vocabulary.measure.${item.measure.measure}`) });
      case 'complaint_due':
      case 'complaint_overdue':
        return t(`roles.agenda.item.${item.kind === 'complaint_due' ? 'complaintDue' : 'complaintOverdue'}`, {
          filedWith: t(`vocabulary.complaintBody.${item.complaint.filedWith}`),
          due: times.dateTime(item.complaint.responseDueAt),
        });
      case 'term_ended':
        return t('roles.agenda.item.termEnded');
      case 'deadline':
        return t('roles.agenda.item.deadline', {
          name: item.deadline.name[locale],
          article: item.deadline.source.article,
        });
    }
  };
}

/**
 * The lawyer's day: the deadlines of their cases soonest first, each with the write it usually calls for (a hearing's
 * outcome, an extension or a release) one click away, then the cases themselves.
 */
export function AgendaPage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const user = useUser();
  const describe = useDescribe();
  const [days, setDays] = useState<number>(14);
  const [opened, setOpened] = useState<Opened | null>(null);
  const agenda = useAgenda(days);
  // "My cases" are a lawyer's own (a coordinator opening the agenda has no cases of their own).
  const isLawyer = user.role === 'lawyer';
  const mine = useCaseList({ lawyerId: user.id, closed: false, pageSize: 50 }, isLawyer);
  const mayWrite = user.role === 'lawyer' || user.role === 'coordinator';

  const actions = (item: AgendaItem): ReactNode => {
    if (!mayWrite) return null;
    const open = (definition: AnyWriteForm, preset?: FormValues) => () =>
      setOpened({ caseId: item.caseId, definition, preset });
    const named = (key: string): string => t(key, { name: item.fullName });
    if (item.kind === 'hearing')
      return (
        <Button
          size="xs"
          onClick={open(hearingOutcomeForm, { hearingId: item.hearing.hearingId })}
          aria-label={named('roles.agenda.recordOutcomeFor')}
        >
          {t('roles.agenda.recordOutcome')}
        </Button>
      );
    if (item.kind === 'measure_ends' || item.kind === 'term_ended')
      return (
        <Group gap="xs" wrap="nowrap">
          {item.kind === 'measure_ends' ? (
            <Button size="xs" onClick={open(extendMeasureForm)} aria-label={named('roles.agenda.extendFor')}>
              {t('roles.agenda.extend')}
            </Button>
          ) : null}
          <Button size="xs" variant="light" onClick={open(releaseForm)} aria-label={named('roles.agenda.releaseFor')}>
            {t('roles.agenda.release')}
          </Button>
        </Group>
      );
    return null;
  };

  return (
    <Stack>
      <Title order={1}>{t('roles.agenda.title')}</Title>
      <NativeSelect
        label={t('roles.agenda.period')}
        w={220}
        value={String(days)}
        onChange={(event) => setDays(Number(event.currentTarget.value))}
        data={PERIODS.map((n) => ({ value: String(n), label: t('roles.agenda.days', { days: n }) }))}
      />
      <Loaded query={agenda}>
        {(data) => (
          <DataTable
            minWidth={700}
            empty={t('roles.agenda.empty')}
            columns={[
              t('roles.agenda.column.when'),
              t('roles.agenda.column.case'),
              t('roles.agenda.column.what'),
              t('roles.agenda.column.actions'),
            ]}
            rows={data.items}
            row={(item) => (
              <Table.Tr
                key={`${item.kind}-${item.caseId}-${item.at}-${item.kind === 'deadline' ? item.deadline.ruleId : ''}`}
              >
                <Table.Td>
                  {/* A hearing known to the day only shows its date: no hour nobody knows. */}
                  {item.kind === 'hearing'
                    ? times.scheduled(item.at, item.hearing.scheduledAtPrecision)
                    : times.dateTime(item.at)}
                  {item.kind === 'complaint_overdue' ||
                  item.kind === 'term_ended' ||
                  (item.kind === 'deadline' && item.deadline.overdue) ? (
                    <Badge color="red" variant="light" ml={4}>
                      {t('roles.agenda.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.caseId}`}>
                    {item.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{describe(item)}</Table.Td>
                <Table.Td>{actions(item)}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Loaded>
      {isLawyer ? (
        <>
          <Title order={2} size="h3">
            {t('roles.agenda.myCases')}
          </Title>
          {mine.isError ? <ErrorAlert error={mine.error} /> : null}
          {mine.data ? (
            mine.data.items.length === 0 ? (
              <Text c="dimmed">{t('console.board.empty')}</Text>
            ) : (
              <CaseTable items={mine.data.items} caption={t('roles.agenda.myCases')} />
            )
          ) : null}
        </>
      ) : null}
      {opened ? (
        <CaseWriteDialog
          caseId={opened.caseId}
          definition={opened.definition}
          preset={opened.preset}
          onClose={() => setOpened(null)}
        />
      ) : null}
    </Stack>
  );
}
