import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useUser } from '../features/auth/session-context';

/**
 * Names of the lawyers and coordinators, to show people by name rather than by id. Coordinators and lawyers may list
 * them (the contract's GET /v1/users); for an auditor the map stays empty and people show by role.
 */
export function usePeople(): ReadonlyMap<string, string> {
  const user = useUser();
  const mayList = user.role === 'coordinator' || user.role === 'lawyer' || user.role === 'admin';
  const query = useQuery({
    queryKey: ['people'],
    enabled: mayList,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const { data } = await api.GET('/v1/users', {});
      return new Map((data?.items ?? []).map((person) => [person.id, person.name] as const));
    },
  });
  const names = new Map(query.data ?? []);
  names.set(user.id, user.name);
  return names;
}
