import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { CaseListQuery, CaseSummaryPage, Stats } from '../../api/types';

export function useCaseList(query: CaseListQuery, enabled: boolean): UseQueryResult<CaseSummaryPage> {
  return useQuery({
    queryKey: ['cases', 'list', query],
    enabled,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/cases', { params: { query }, signal });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
    // The previous page stays on screen while the next one loads: paging and typing do not blank the list.
    placeholderData: keepPreviousData,
  });
}

/** Counts by status for the tiles (statistics of the cases the person may see). */
export function useStatusCounts(enabled: boolean): UseQueryResult<Stats['byStatus']> {
  return useQuery({
    queryKey: ['cases', 'stats'],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/v1/stats', { params: { query: { closed: false } } });
      if (data === undefined) throw toApiError(response.status, error);
      return data.byStatus;
    },
  });
}
