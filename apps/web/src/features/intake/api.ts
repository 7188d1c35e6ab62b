import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { CaseSummary } from '../../api/types';

/**
 * Cases that may be about the person being typed in: the list's name search, which matches across spellings and
 * scripts (Latin and Cyrillic). Asked only for names of at least three letters.
 */
export function useSimilarCases(names: readonly string[]): UseQueryResult<CaseSummary[]> {
  const asked = names.map((n) => n.trim()).filter((n) => n.length >= 3);
  return useQuery({
    queryKey: ['cases', 'similar', asked],
    enabled: asked.length > 0,
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const found = new Map<string, CaseSummary>();
      for (const q of asked.slice(0, 3)) {
        const { data, error, response } = await api.GET('/v1/cases', {
          params: { query: { q, pageSize: 5 } },
          signal,
        });
        if (data === undefined) throw toApiError(response.status, error);
        for (const item of data.items) if (!found.has(item.caseId)) found.set(item.caseId, item);
      }
      return [...found.values()];
    },
  });
}
