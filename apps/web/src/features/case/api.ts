import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { CaseDetail, TimelineEvent } from '../../api/types';

export const caseKeys = {
  all: ['case'] as const,
  detail: (caseId: string) => ['case', caseId, 'detail'] as const,
  timeline: (caseId: string) => ['case', caseId, 'timeline'] as const,
};

export async function fetchCase(caseId: string): Promise<CaseDetail> {
  const { data, error, response } = await api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } });
  if (data === undefined) throw toApiError(response.status, error);
  return data;
}

export async function fetchTimeline(caseId: string): Promise<TimelineEvent[]> {
  const { data, error, response } = await api.GET('/v1/cases/{caseId}/timeline', { params: { path: { caseId } } });
  if (data === undefined) throw toApiError(response.status, error);
  return data.events;
}

export function useCase(caseId: string): UseQueryResult<CaseDetail> {
  return useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => fetchCase(caseId) });
}

export function useTimeline(caseId: string): UseQueryResult<TimelineEvent[]> {
  return useQuery({ queryKey: caseKeys.timeline(caseId), queryFn: () => fetchTimeline(caseId) });
}
