import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import type { TimelineEvent } from '../../api/types';

export type CaseHistory = components['schemas']['CaseHistory'];
export type TimeAxis = components['schemas']['TimeAxis'];
export type Verification = components['schemas']['ChainValid'] | components['schemas']['ChainBroken'];
export type CaseAccessPage = components['schemas']['CaseAccessPage'];

export function useHistory(caseId: string, asOf: string | null, axis: TimeAxis): UseQueryResult<CaseHistory> {
  return useQuery({
    queryKey: ['case', caseId, 'history', axis, asOf],
    enabled: asOf !== null,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/cases/{caseId}/history', {
        params: { path: { caseId }, query: { asOf: asOf ?? '', axis } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

/** The facts by which the case at `until` differs from the case at `after`, on the axis. */
export function useChanges(
  caseId: string,
  axis: TimeAxis,
  after: string | null,
  until: string | null,
): UseQueryResult<TimelineEvent[]> {
  return useQuery({
    queryKey: ['case', caseId, 'changes', axis, after, until],
    enabled: after !== null && until !== null,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/cases/{caseId}/timeline', {
        params: { path: { caseId }, query: { axis, after: after ?? undefined, until: until ?? undefined } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data.events;
    },
  });
}

export function useVerification(caseId: string): UseQueryResult<Verification> {
  return useQuery({
    queryKey: ['case', caseId, 'verify'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/cases/{caseId}/verify', {
        params: { path: { caseId } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

export function useAccessLog(caseId: string, userId: string, page: number): UseQueryResult<CaseAccessPage> {
  return useQuery({
    queryKey: ['audit', 'access', caseId, userId, page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/audit/access', {
        params: { query: { caseId: caseId || undefined, userId: userId || undefined, page, pageSize: 50 } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}
