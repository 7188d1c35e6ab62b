import { Anchor, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCaseList } from '../board/api';

/** Finds a case by any spelling of the name, to open its replay. */
export function HistoryIndexPage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const list = useCaseList({ q: search || undefined, pageSize: 25, sort: '-lastRecordedAt' }, true);
  return (
    <Stack>
      <Title order={1}>{t('roles.history.indexTitle')}</Title>
      <TextInput label={t('roles.history.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={480} />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data ? (
        <DataTable
          minWidth={600}
          maw={800}
          empty={t('console.board.empty')}
          columns={[
            t('console.board.column.name'),
            t('console.board.column.city'),
            t('console.board.column.lastRecorded'),
          ]}
          rows={list.data.items}
          row={(item) => (
            <Table.Tr key={item.caseId}>
              <Table.Td>
                <Anchor component={Link} to={`/history/${item.caseId}`}>
                  {item.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.city ?? t('console.case.unknown')}</Table.Td>
              <Table.Td>{times.date(item.lastRecordedAt)}</Table.Td>
            </Table.Tr>
          )}
        />
      ) : null}
    </Stack>
  );
}
