import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import type { Stats } from '../../api/types';

export type Escalation = components['schemas']['Escalation'];
export type EscalationPage = components['schemas']['EscalationPage'];
export type EscalationReason = components['schemas']['EscalationReason'];

export interface StatsFilter {
  readonly from?: string;
  readonly to?: string;
  readonly city?: string;
}

export function useStats(filter: StatsFilter): UseQueryResult<Stats> {
  return useQuery({
    queryKey: ['stats', filter],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/stats', { params: { query: { ...filter } }, signal });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

export function useEscalations(reason: EscalationReason | undefined, page: number): UseQueryResult<EscalationPage> {
  return useQuery({
    queryKey: ['escalations', reason ?? 'all', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/escalations', {
        params: { query: { reason, page, pageSize: 50 } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

/**
 * A download link for an export with the page's filters, the person's language and zone. A plain GET link: the
 * session cookie authenticates it (SameSite=Strict is sent on a same-origin navigation) and the browser streams the
 * file to disk instead of holding it in the page.
 */
export function exportHref(
  path: '/v1/cases/export' | '/v1/stats/export',
  query: Readonly<Record<string, string | undefined>>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  return `${path}?${params.toString()}`;
}
