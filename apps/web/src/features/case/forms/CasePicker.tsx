import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
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

/** Cases are looked up from this many letters of a name (as the intake's duplicate search does). */
const MIN_LETTERS = 3;

/**
 * Another case, found by the name typed: the list's search, which matches across spellings and scripts, so the
 * options are the API's and are not filtered again here (a Latin query finds a Cyrillic name). The case itself is
 * never offered: a case cannot be linked to or merged into itself.
 */
export function CasePicker({ context, value, onChange, ...common }: Props): ReactNode {
  const { client, detail, t } = context;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: ['cases', 'pick', debounced],
    enabled: debounced.length >= MIN_LETTERS,
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await client.GET('/v1/cases', {
        params: { query: { q: debounced, pageSize: 10 } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data.items;
    },
  });
  const options = (found.data ?? [])
    .filter((item) => item.caseId !== detail.caseId)
    .map((item) => ({
      value: item.caseId,
      label: t('console.field.caseChoice', { name: item.fullName, city: item.city ?? 'none' }),
    }));
  // The chosen case stays an option while the person searches on, so the field keeps showing it.
  const data = picked !== null && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  return (
    <Select
      {...common}
      searchable
      clearable
      value={value === '' ? null : value}
      data={data}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={debounced.length >= MIN_LETTERS && !found.isPending ? t('console.field.noCaseFound') : null}
      placeholder={t('console.field.caseSearchHint')}
      onChange={(next, option) => {
        setPicked(next === null || option === null ? null : { value: option.value, label: option.label });
        onChange(next ?? '');
      }}
    />
  );
}
