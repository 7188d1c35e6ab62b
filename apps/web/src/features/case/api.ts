import { type QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { CaseDetail, TimelineEvent, WriteAnswer } from '../../api/types';

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

/**
 * A write of this person's answered: the case's version it answered is at once the version the next write is based on
 * (If-Match), before the case is read again. On a slow connection the re-read comes late, and a second fact sent with
 * the old version was refused as a conflict with the person's own first fact. Versions only grow: a late answer of an
 * older write never lowers it. The rest of the summary is replaced by the re-read, which waits for the write's position.
 */
export function rememberWriteAnswer(queryClient: QueryClient, answer: WriteAnswer): void {
  queryClient.setQueryData<CaseDetail>(caseKeys.detail(answer.caseId), (cached) =>
    cached !== undefined && answer.version > cached.version ? { ...cached, version: answer.version } : cached,
  );
}
