import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { DataTable } from '../../shared/DataTable';
import { PagePicker } from '../../shared/PagePicker';
import { Loaded } from '../../shared/Loaded';
import { usePeople } from '../../shared/people';
import { useAccessLog } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FiltersProps {
  readonly caseId: string;
  readonly userId: string;
  readonly onApply: (next: URLSearchParams) => void;
}

/** The filters as typed; keyed by the URL's, so a link that sets a filter shows it here too. */
function AccessFilters({ caseId, userId, onApply }: FiltersProps): ReactNode {
  const t = useT();
  const [draft, setDraft] = useState({ caseId, userId });
  const invalid = (value: string): string | undefined =>
    value.trim() === '' || UUID.test(value.trim()) ? undefined : t('roles.access.notAnId');

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    if (invalid(draft.caseId) || invalid(draft.userId)) return;
    const next = new URLSearchParams();
    if (draft.caseId.trim()) next.set('caseId', draft.caseId.trim());
    if (draft.userId.trim()) next.set('userId', draft.userId.trim());
    onApply(next);
  };

  return (
    <form onSubmit={apply} aria-label={t('roles.access.filters')}>
      <Group align="start">
        <TextInput
          label={t('roles.access.caseId')}
          value={draft.caseId}
          error={invalid(draft.caseId)}
          onChange={(e) => setDraft({ ...draft, caseId: e.currentTarget.value })}
          w={360}
        />
        <TextInput
          label={t('roles.access.userId')}
          value={draft.userId}
          error={invalid(draft.userId)}
          onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value })}
          w={360}
        />
        <Button type="submit" mt={25}>
          {t('roles.access.apply')}
        </Button>
      </Group>
    </form>
  );
}

/** Who read which case when (and every export), filtered by case and by person; the filters live in the URL. */
export function AccessLogPage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const people = usePeople();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const userId = params.get('userId') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const log = useAccessLog(caseId, userId, page);
  return (
    <Stack>
      <Title order={1}>{t('roles.access.title')}</Title>
      <AccessFilters
        key={`${caseId}|${userId}`}
        caseId={caseId}
        userId={userId}
        onApply={(next) => setParams(next, { replace: true })}
      />
      <Loaded query={log}>
        {(data) => (
          <>
            <Text size="sm" aria-live="polite">
              {t('roles.access.count', { total: data.total })}
            </Text>
            <DataTable
              minWidth={800}
              columns={[
                t('roles.access.column.when'),
                t('roles.access.column.who'),
                t('roles.access.column.view'),
                t('roles.access.column.case'),
              ]}
              rows={data.items}
              row={(entry, i) => (
                <Table.Tr key={`${entry.accessedAt}-${entry.userId}-${i}`}>
                  <Table.Td>{times.dateTime(entry.accessedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`?userId=${entry.userId}`}>
                      {t('roles.access.person', {
                        name: people.get(entry.userId) ?? entry.userId.slice(0, 8),
                        role: t(`vocabulary.role.${entry.userRole}`),
                      })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`roles.access.view.${entry.view}`)}
                    {entry.caseCount !== null ? ` ${t('roles.access.cases', { count: entry.caseCount })}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {entry.caseId ? (
                      <Anchor component={Link} to={`/history/${entry.caseId}`}>
                        {entry.caseId.slice(0, 8)}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <PagePicker
              pages={Math.ceil(data.total / data.pageSize)}
              page={page}
              onChange={(next) =>
                setParams((previous) => {
                  const copy = new URLSearchParams(previous);
                  copy.set('page', String(next));
                  return copy;
                })
              }
            />
          </>
        )}
      </Loaded>
    </Stack>
  );
}
