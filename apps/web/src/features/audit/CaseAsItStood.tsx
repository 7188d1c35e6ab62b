import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import type { CaseHistory } from './api';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The case rebuilt at a moment: who, where, status, and how many facts of each kind were known by then. */
export function CaseAsItStood({ history }: { history: CaseHistory }): ReactNode {
  const t = useT();
  const times = useTimes();
  if (!history.exists) return <Text c="dimmed">{t('roles.history.notYet')}</Text>;
  const unknown = t('console.case.unknown');
  const facility = history.currentFacility;
  const measure = history.measure;
  const rows: Array<[string, string]> = [
    ['roles.history.field.fullName', text(history.detainee?.fullName) ?? unknown],
    ['roles.history.field.city', text(history.detainee?.city) ?? unknown],
    ['roles.history.field.status', t(`vocabulary.caseStatus.${history.status}`)],
    ['roles.history.field.statusAsOf', history.statusAsOf ? times.dateTime(history.statusAsOf) : unknown],
    ['roles.history.field.facility', text(facility?.name) ?? text(facility?.code) ?? unknown],
    [
      'roles.history.field.measure',
      measure && text(measure.measure) ? t(`vocabulary.measure.${String(measure.measure)}`) : unknown,
    ],
    ['roles.history.field.lawyers', String(Object.keys(history.lawyers).length)],
    ['roles.history.field.charges', String(Object.keys(history.charges).length)],
    ['roles.history.field.hearings', String(Object.keys(history.hearings).length)],
    ['roles.history.field.allegations', String(Object.keys(history.allegations).length)],
    ['roles.history.field.complaints', String(Object.keys(history.complaints).length)],
    ['roles.history.field.closed', t(history.closed ? 'roles.yes' : 'roles.no')],
    ['roles.history.field.erased', t(history.erased ? 'roles.yes' : 'roles.no')],
    ['roles.history.field.events', String(history.eventsIncluded)],
  ];
  return (
    <Table withTableBorder maw={640}>
      <Table.Tbody>
        {rows.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" w="45%">
              {t(key)}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
