import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseSummary } from '../../api/types';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import classes from './CaseTable.module.css';

/** The page of cases: each name opens its case; unknown values show as unknown, never as a made-up value. */
export function CaseTable({ items, caption }: { items: readonly CaseSummary[]; caption: string }): ReactNode {
  const t = useT();
  const times = useTimes();
  const unknown = t('console.case.unknown');
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('console.board.column.name')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.city')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.status')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.facility')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.charges')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.nextHearing')}</Table.Th>
            <Table.Th scope="col">{t('console.board.column.lastRecorded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.caseId}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.caseId}`} fw={600}>
                  {item.fullName}
                </Anchor>
                {item.nameVariants.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    {item.nameVariants.join(', ')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{item.city ?? unknown}</Table.Td>
              <Table.Td>
                <Badge variant="light" classNames={{ root: classes.badge, label: classes.badgeLabel }}>
                  {t(`vocabulary.caseStatus.${item.status}`)}
                </Badge>
                {item.closed ? (
                  <Badge color="gray" variant="light" ml={4}>
                    {t('console.case.closed')}
                  </Badge>
                ) : null}
                {item.lawyers.length === 0 ? (
                  <Badge color="red" variant="light" ml={4}>
                    {t('console.board.noLawyer')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{item.currentFacility?.name ?? item.currentFacility?.code ?? ''}</Table.Td>
              <Table.Td>
                {item.charges
                  .filter((c) => c.status !== 'dropped')
                  .map((c) => c.article ?? unknown)
                  .join(', ')}
              </Table.Td>
              <Table.Td>
                {item.nextHearing
                  ? times.scheduled(item.nextHearing.scheduledAt, item.nextHearing.scheduledAtPrecision)
                  : ''}
              </Table.Td>
              <Table.Td>{times.date(item.lastRecordedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
