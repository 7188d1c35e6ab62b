import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toApiError } from '../../../api/errors';
import type { FieldContext, FieldSpec } from './registry';

interface Props {
  readonly label: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly error?: ReactNode;
  readonly field: FieldSpec;
  readonly context: FieldContext;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/**
 * An account to pick by name (GET /v1/users: lawyers and coordinators see the active lawyers and coordinators). An id
 * the list does not name (an account disabled since it was assigned) is still offered, by its id, so that it can be
 * unassigned.
 */
export function UserPicker({ field, context, value, onChange, ...common }: Props): ReactNode {
  const { client, detail, t } = context;
  const wanted = field.users?.(detail) ?? {};
  const users = useQuery({
    queryKey: ['people', 'list', wanted.role ?? 'all'],
    staleTime: 60_000,
    queryFn: async () => {
      const query = wanted.role === undefined ? {} : { role: wanted.role };
      const { data, error, response } = await client.GET('/v1/users', { params: { query } });
      if (data === undefined) throw toApiError(response.status, error);
      return data.items;
    },
  });
  const listed = (users.data ?? []).filter(
    (user) =>
      !user.disabled && !(wanted.except ?? []).includes(user.id) && (wanted.only ?? [user.id]).includes(user.id),
  );
  const unnamed = (wanted.only ?? []).filter((id) => !listed.some((user) => user.id === id));
  const choices = [
    ...listed.map((user) => ({ value: user.id, label: user.name })),
    ...unnamed.map((id) => ({ value: id, label: id })),
  ];
  return (
    <NativeSelect
      {...common}
      value={value}
      disabled={users.isPending && unnamed.length === 0}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t(users.isError ? 'console.field.peopleUnavailable' : 'console.form.choose') },
        ...choices,
      ]}
    />
  );
}
