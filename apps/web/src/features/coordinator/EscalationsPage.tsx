import { Anchor, Badge, Button, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { DataTable } from '../../shared/DataTable';
import { PagePicker } from '../../shared/PagePicker';
import { Loaded } from '../../shared/Loaded';
import { useUser } from '../auth/session-context';
import { assignLawyerForm } from '../case/forms/definitions/assign-lawyer';
import { CaseWriteDialog } from '../quick-write/CaseWriteDialog';
import { type EscalationReason, useEscalations } from './api';

const REASONS: readonly EscalationReason[] = ['unlocated', 'no_lawyer', 'term_ended', 'rule_deadline'];

function isReason(value: string | null): value is EscalationReason {
  return REASONS.some((reason) => reason === value);
}

/**
 * Cases waiting for a coordinator (nobody knows where the person is, no lawyer, an arrest's term ended with no
 * release, a deadline by law passed: the rule's name and article shown), oldest first. A lawyer is assigned in place, with the case page's own form.
 */
export function EscalationsPage(): ReactNode {
  const t = useT();
  const { locale } = useI18n().translator;
  const times = useTimes();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const reasonParam = params.get('reason');
  const reason = isReason(reasonParam) ? reasonParam : undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const queue = useEscalations(reason, page);
  const [assigning, setAssigning] = useState<string | null>(null);

  return (
    <Stack>
      <Title order={1}>{t('roles.escalations.title')}</Title>
      <NativeSelect
        label={t('roles.escalations.reason')}
        w={320}
        value={reason ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setParams(value === '' ? {} : { reason: value }, { replace: true });
        }}
        data={[
          { value: '', label: t('roles.escalations.allReasons') },
          ...REASONS.map((r) => ({ value: r, label: t(`roles.escalationReason.${r}`) })),
        ]}
      />
      <Loaded query={queue}>
        {(data) => (
          <>
            <Text size="sm" aria-live="polite">
              {t('roles.escalations.count', { total: data.total })}
            </Text>
            <DataTable
              minWidth={700}
              empty={t('roles.escalations.empty')}
              columns={[
                t('roles.escalations.column.case'),
                t('roles.escalations.column.city'),
                t('roles.escalations.column.reason'),
                t('roles.escalations.column.since'),
                t('roles.escalations.column.actions'),
              ]}
              rows={data.items}
              row={(item) => (
                <Table.Tr key={`${item.caseId}-${item.reason}-${item.deadline?.ruleId ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.caseId}`}>
                      {item.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.city ?? t('console.case.unknown')}</Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light">
                      {t(`roles.escalationReason.${item.reason}`)}
                    </Badge>
                    {item.deadline ? (
                      <Text size="sm">
                        {item.deadline.name[locale]} (
                        <Anchor href={item.deadline.source.url} target="_blank" rel="noreferrer">
                          {item.deadline.source.article}
                        </Anchor>
                        )
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{times.dateTime(item.since)}</Table.Td>
                  <Table.Td>
                    {item.reason === 'no_lawyer' && user.role === 'coordinator' ? (
                      <Button
                        size="xs"
                        onClick={() => setAssigning(item.caseId)}
                        aria-label={t('roles.escalations.assignFor', { name: item.fullName })}
                      >
                        {t('roles.escalations.assign')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <PagePicker
              pages={Math.ceil(data.total / data.pageSize)}
              page={page}
              onChange={(next) => setParams({ ...(reason ? { reason } : {}), page: String(next) })}
            />
          </>
        )}
      </Loaded>
      {assigning ? (
        <CaseWriteDialog
          caseId={assigning}
          definition={assignLawyerForm}
          preset={{ role: 'lead' }}
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </Stack>
  );
}
