import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type ListedUser = components['schemas']['ListedUser'];
export type Role = components['schemas']['Role'];
export type Health = components['schemas']['Health'];

export const ROLES: readonly Role[] = ['lawyer', 'coordinator', 'auditor', 'admin'];

export const accountKeys = { list: ['accounts'] as const };

export function useAccounts(): UseQueryResult<ListedUser[]> {
  return useQuery({
    queryKey: accountKeys.list,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/users', {
        params: { query: { includeDisabled: true } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data.items;
    },
  });
}

/** /health answers 503 with the same body when something is down: the page shows it either way. */
export function useHealth(): UseQueryResult<Health> {
  return useQuery({
    queryKey: ['health'],
    refetchInterval: 15_000,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/health', { signal });
      const body: unknown = data ?? error;
      if (body !== null && typeof body === 'object' && 'checks' in body) return body as Health;
      throw toApiError(response.status, error);
    },
  });
}

/** Every IANA zone the browser knows, for the time-zone fields. */
export function timeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
