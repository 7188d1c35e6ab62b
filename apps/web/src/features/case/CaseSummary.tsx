import { Alert, Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../api/types';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';

interface Props {
  readonly detail: CaseDetail;
  readonly people: ReadonlyMap<string, string>;
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <Card withBorder padding="sm" component="section">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** What is known now, from the case's read model: every part of the summary the contract answers. */
export function CaseSummary({ detail, people }: Props): ReactNode {
  const t = useT();
  const { locale } = useI18n().translator;
  const times = useTimes();
  const none = <Text c="dimmed">{t('console.case.none')}</Text>;
  const unknown = t('console.case.unknown');
  const facilityText = (f: {
    name?: string | null;
    code?: string | null;
    city?: string | null;
    kind: string;
  }): string =>
    t('console.case.facility', {
      name: f.name ?? f.code ?? unknown,
      city: f.city ?? unknown,
      kind: t(`vocabulary.facilityKind.${f.kind}`),
    });

  return (
    <Stack>
      {detail.mergedInto ? (
        <Alert color="gray" title={t('console.case.mergedTitle')}>
          <Anchor component={Link} to={`/cases/${detail.mergedInto}`}>
            {t('console.case.mergedLink')}
          </Anchor>
        </Alert>
      ) : detail.closed ? (
        <Alert color="gray" title={t('console.case.closedTitle')}>
          {t('console.case.closedText')}
        </Alert>
      ) : null}
      {detail.termEnded ? (
        <Alert color="orange" title={t('console.case.termEndedTitle')}>
          {t('console.case.termEndedText')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('console.case.person')}>
          <List size="sm" listStyleType="none">
            <List.Item>{t('console.case.city', { city: detail.city ?? unknown })}</List.Item>
            <List.Item>
              {t('console.case.birth', {
                birth: detail.birthDate ? times.day(detail.birthDate) : (detail.birthYear?.toString() ?? unknown),
              })}
            </List.Item>
            <List.Item>
              {t('console.case.sex', { sex: detail.sex ? t(`vocabulary.sex.${detail.sex}`) : unknown })}
            </List.Item>
            {detail.nameVariants.length > 0 ? (
              <List.Item>{t('console.case.spellings', { names: detail.nameVariants.join(', ') })}</List.Item>
            ) : null}
          </List>
          <Group gap={4} mt="xs">
            {detail.vulnerabilities.map((v) => (
              <Badge key={v} color="red" variant="light">
                {t(`vocabulary.vulnerability.${v}`)}
              </Badge>
            ))}
            {detail.publicRoles.map((r) => (
              <Badge key={r} variant="outline">
                {t(`vocabulary.publicRole.${r}`)}
              </Badge>
            ))}
          </Group>
        </Section>
        <Section title={t('console.case.custody')}>
          <Text size="sm" fw={600}>
            {detail.currentFacility ? facilityText(detail.currentFacility) : t('console.case.noFacility')}
          </Text>
          {detail.transfers.length > 0 ? (
            <List size="sm" mt="xs" aria-label={t('console.case.custodyChain')}>
              {detail.transfers.map((transfer, index) => (
                <List.Item key={`${transfer.occurredAt}-${index}`}>
                  {t('console.case.transfer', {
                    when: times.fact(transfer),
                    facility: facilityText(transfer.facility),
                  })}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Section>
        <Section title={t('console.case.lawyers')}>
          {detail.lawyers.length === 0 ? (
            <Text c="red.9" size="sm">
              {t('console.case.noLawyer')}
            </Text>
          ) : (
            <List size="sm">
              {detail.lawyers.map((lawyer) => (
                <List.Item key={lawyer.lawyerId}>
                  {t('console.case.lawyer', {
                    name: people.get(lawyer.lawyerId) ?? t('console.case.someone'),
                    role: t(`vocabulary.lawyerRole.${lawyer.role}`),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('console.case.courtAndMeasure')}>
          <List size="sm" listStyleType="none">
            <List.Item>
              {detail.nextHearing
                ? t('console.case.nextHearing', {
                    kind: t(`vocabulary.hearingKind.${detail.nextHearing.kind}`),
                    court: detail.nextHearing.court,
                    when: times.scheduled(detail.nextHearing.scheduledAt, detail.nextHearing.scheduledAtPrecision),
                  })
                : t('console.case.noHearing')}
            </List.Item>
            <List.Item>
              {detail.measure
                ? t('console.case.measure', {
                    measure: t(`vocabulary.measure.${detail.measure.measure}`),
                    until: detail.measure.until ? times.date(detail.measure.until) : unknown,
                  })
                : t('console.case.noMeasure')}
            </List.Item>
          </List>
        </Section>
        {detail.deadlines.length > 0 ? (
          <Section title={t('console.case.deadlines')}>
            <List size="sm">
              {detail.deadlines.map((deadline) => (
                <List.Item key={`${deadline.ruleSetId}:${deadline.ruleId}`}>
                  {t('console.case.deadline', {
                    name: deadline.name[locale],
                    due: times.fact({ occurredAt: deadline.dueAt, occurredAtPrecision: deadline.precision }),
                    overdue: deadline.overdue ? 'yes' : 'no',
                  })}{' '}
                  (
                  <Anchor href={deadline.source.url} target="_blank" rel="noreferrer">
                    {deadline.source.article}
                  </Anchor>
                  )
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        <Section title={t('console.case.charges')}>
          {detail.charges.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {detail.charges.map((charge) => (
                <List.Item key={charge.chargeId}>
                  {t('console.case.charge', {
                    code: t(`vocabulary.chargeCode.${charge.code}`),
                    article: charge.article ?? unknown,
                    part: charge.part ?? 'none',
                    title: charge.title ?? '',
                    status: t(`console.chargeStatus.${charge.status}`),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('console.case.allegations')}>
          {detail.allegations.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {detail.allegations.map((allegation) => (
                <List.Item key={allegation.allegationId}>
                  {t('console.case.allegation', {
                    from: times.date(allegation.periodFrom),
                    facility: allegation.facility ?? unknown,
                    methods: allegation.methods.map((m) => t(`vocabulary.tortureMethod.${m}`)).join(', ') || unknown,
                    consent: t(`vocabulary.consent.${allegation.consent}`),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('console.case.complaints')}>
          {detail.complaints.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {detail.complaints.map((complaint) => (
                <List.Item key={complaint.complaintId}>
                  {t('console.case.complaint', {
                    body: t(`vocabulary.complaintBody.${complaint.filedWith}`),
                    filed: times.date(complaint.filedAt),
                    status: t(`console.complaintStatus.${complaint.status}`),
                    overdue: complaint.overdue ? 'yes' : 'no',
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('console.case.accessDenials')}>
          {detail.accessDenials.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {detail.accessDenials.map((denial, index) => (
                <List.Item key={`${denial.who}-${index}`}>
                  {t('console.case.accessDenial', {
                    who: t(`vocabulary.accessDeniedTo.${denial.who}`),
                    from: times.fact(denial),
                    open: denial.until ? 'no' : 'yes',
                    until: denial.until ? times.date(denial.until) : '',
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('console.case.links')}>
          {detail.links.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {detail.links.map((link) => (
                <List.Item key={link.caseId}>
                  <Anchor component={Link} to={`/cases/${link.caseId}`}>
                    {t(`vocabulary.linkRelation.${link.relation}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
