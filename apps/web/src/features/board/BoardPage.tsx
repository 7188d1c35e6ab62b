import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PagePicker } from '../../shared/PagePicker';
import { PageLoader } from '../../shared/PageLoader';
import { useUser } from '../auth/session-context';
import { useCaseList, useStatusCounts } from './api';
import { BoardFilters } from './BoardFilters';
import { CaseTable } from './CaseTable';
import { pageCount, queryFromUrl, withFilter } from './filters';
import { StatusTiles } from './StatusTiles';

/** Lawyers to filter by (coordinators and lawyers may list them; an auditor filters by the other fields). */
function useLawyers(enabled: boolean): ReadonlyArray<{ id: string; name: string }> {
  const query = useQuery({
    queryKey: ['people', 'lawyers'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const { data } = await api.GET('/v1/users', { params: { query: { role: 'lawyer' } } });
      return (data?.items ?? []).map((user) => ({ id: user.id, name: user.name }));
    },
  });
  return query.data ?? [];
}

/**
 * The board: counts by status, then the cases with every filter of the contract. Pages are the API's (`page`,
 * `pageSize`); above 1,000 matches the API gives an estimate of the total, which the page says.
 */
export function BoardPage(): ReactNode {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const query = queryFromUrl(params);
  // Administrators manage accounts and read no case data (contract: Who sees what).
  const readsCases = user.role !== 'admin';
  const list = useCaseList(query, readsCases);
  const counts = useStatusCounts(readsCases);
  const lawyers = useLawyers(user.role === 'coordinator' || user.role === 'lawyer');

  const set = useCallback(
    (name: string, value: string | null) =>
      setParams((previous) => withFilter(previous, name, value), { replace: true }),
    [setParams],
  );

  const page = list.data;
  const current = query.page ?? 1;
  const pages = page ? pageCount(page.total, page.totalIsEstimate, current, page.items.length) : 1;
  const caption = page
    ? t(page.totalIsEstimate ? 'console.board.countEstimate' : 'console.board.count', { total: page.total })
    : '';

  if (!readsCases) {
    return (
      <Stack>
        <Title order={1}>{t('console.board.title')}</Title>
        <Alert color="gray">{t('console.board.adminReadsNoCases')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack>
      <Title order={1}>{t('console.board.title')}</Title>
      {counts.data ? (
        <StatusTiles
          counts={counts.data}
          selected={params.get('status')}
          onSelect={(status) => set('status', status)}
        />
      ) : null}
      <BoardFilters params={params} set={set} lawyers={lawyers} />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <PageLoader /> : null}
      {page ? (
        <>
          <Text size="sm" aria-live="polite">
            {caption}
          </Text>
          {page.items.length === 0 ? (
            <Text c="dimmed">{t('console.board.empty')}</Text>
          ) : (
            <CaseTable items={page.items} caption={caption} />
          )}
          <PagePicker
            pages={pages}
            page={current}
            onChange={(next) => setParams((previous) => withFilter(previous, 'page', String(next)))}
          />
        </>
      ) : null}
    </Stack>
  );
}
