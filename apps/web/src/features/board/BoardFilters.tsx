import { Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  caseStatusValues,
  pathsV1CasesGetParametersQuerySortValues as SORTS,
  publicRoleValues,
  vulnerabilityValues,
} from '../../api/schema';
import { useT } from '../../i18n/i18n-context';
import { TextFilter } from './TextFilter';
import classes from './BoardFilters.module.css';

interface Props {
  readonly params: URLSearchParams;
  readonly set: (name: string, value: string | null) => void;
  readonly lawyers: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** Every filter and sort of GET /v1/cases, each a labelled field; the values live in the URL. */
export function BoardFilters({ params, set, lawyers }: Props): ReactNode {
  const t = useT();
  const value = (name: string): string => params.get(name) ?? '';
  const any = { value: '', label: t('console.board.any') };
  const choice = (name: string, labels: string, values: readonly string[], empty = any): ReactNode => (
    <NativeSelect
      label={t(`console.board.filter.${name}`)}
      value={value(name)}
      onChange={(event) => set(name, event.currentTarget.value || null)}
      data={[empty, ...values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }))]}
    />
  );
  const flag = (name: string): ReactNode => (
    <Checkbox
      label={t(`console.board.filter.${name}`)}
      checked={value(name) === 'true'}
      onChange={(event) => set(name, event.currentTarget.checked ? 'true' : null)}
    />
  );
  return (
    <>
      <TextFilter
        type="search"
        label={t('console.board.filter.q')}
        description={t('console.board.filter.qHint')}
        value={value('q')}
        onChange={(q) => set('q', q || null)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        {choice('status', 'vocabulary.caseStatus', caseStatusValues)}
        <TextFilter
          label={t('console.board.filter.city')}
          value={value('city')}
          onChange={(v) => set('city', v || null)}
        />
        <TextFilter
          label={t('console.board.filter.facility')}
          value={value('facility')}
          onChange={(v) => set('facility', v || null)}
        />
        <TextFilter
          label={t('console.board.filter.article')}
          value={value('article')}
          onChange={(v) => set('article', v || null)}
        />
        {choice('vulnerability', 'vocabulary.vulnerability', vulnerabilityValues)}
        {choice('publicRole', 'vocabulary.publicRole', publicRoleValues)}
        <NativeSelect
          label={t('console.board.filter.lawyerId')}
          value={value('lawyerId')}
          onChange={(event) => set('lawyerId', event.currentTarget.value || null)}
          data={[any, ...lawyers.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <NativeSelect
          label={t('console.board.filter.closed')}
          value={value('closed')}
          onChange={(event) => set('closed', event.currentTarget.value || null)}
          data={[
            any,
            { value: 'false', label: t('console.board.openOnly') },
            { value: 'true', label: t('console.board.closedOnly') },
          ]}
        />
        <TextInput
          type="date"
          label={t('console.board.filter.detainedFrom')}
          value={value('detainedFrom')}
          onChange={(event) => set('detainedFrom', event.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t('console.board.filter.detainedTo')}
          value={value('detainedTo')}
          onChange={(event) => set('detainedTo', event.currentTarget.value || null)}
        />
        {/* Two columns wide: "Алдымен ертеректе жазылғандар" and its like do not fit one column beside the arrow. */}
        <NativeSelect
          className={classes.wide}
          label={t('console.board.filter.sort')}
          description={t('console.board.sort.hint')}
          value={value('sort')}
          onChange={(event) => set('sort', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('console.board.sort.default') },
            ...SORTS.map((v) => ({ value: v, label: t(`console.board.sort.${v}`) })),
          ]}
        />
      </SimpleGrid>
      <Group>
        {flag('tortureAlleged')}
        {flag('termEnded')}
      </Group>
    </>
  );
}
