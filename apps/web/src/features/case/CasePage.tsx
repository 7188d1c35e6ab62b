import { Badge, Grid, Group, Modal, Stack, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { TimelineEvent } from '../../api/types';
import type { WriteOutcome } from '../../api/write';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageLoader } from '../../shared/PageLoader';
import { usePeople } from '../../shared/people';
import { useUser } from '../auth/session-context';
import { useCase, useTimeline } from './api';
import { CaseSummary } from './CaseSummary';
import { formsFor } from './forms';
import { WriteForm } from './forms/WriteForm';
import { RetractDialog } from './RetractDialog';
import { Timeline } from './Timeline';
import { useCaseWrite } from './use-case-write';
import { WriteMenus } from './WriteMenus';
import { KeepToggle } from '../../offline/ui/KeepToggle';
import { PendingEntries } from '../../offline/ui/PendingEntries';
import { discardReplaced, REPLACES_PARAM } from '../../offline/ui/replace';

/** A case: its summary, its timeline, and the writes the person may record (`?form=<id>` opens one). */
export function CasePage(): ReactNode {
  const { caseId = '' } = useParams();
  const t = useT();
  const user = useUser();
  const people = usePeople();
  const [params, setParams] = useSearchParams();
  const [retracting, setRetracting] = useState<TimelineEvent | null>(null);
  const detail = useCase(caseId);
  const timeline = useTimeline(caseId);
  const write = useCaseWrite(caseId, [['cases']]);
  const mayWrite = user.role === 'coordinator' || user.role === 'lawyer';

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const current = detail.data;
  // Only what this person may record on this case opens, whatever `?form=` says.
  const offered = formsFor(user.role, current);
  const open = offered.find((form) => form.id === params.get('form'));
  const openForm = (id: string | null): void =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(REPLACES_PARAM);
        if (id === null) next.delete('form');
        else next.set('form', id);
        return next;
      },
      { replace: id === null },
    );

  const recorded = (answer: WriteOutcome): void => {
    // A held outbox entry entered anew ("Change"): recorded or kept, the new fact replaces it – one step, no duplicate.
    const replaces = open !== undefined ? params.get(REPLACES_PARAM) : null;
    if (replaces !== null) void discardReplaced(replaces, caseId);
    openForm(null);
    setRetracting(null);
    void write.recorded(answer);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{current.fullName}</Title>
          <Badge size="lg">{t(`vocabulary.caseStatus.${current.status}`)}</Badge>
          {current.closed ? <Badge color="gray">{t('console.case.closed')}</Badge> : null}
        </Group>
        {mayWrite ? <KeepToggle caseId={caseId} /> : null}
      </Group>
      {offered.length > 0 ? <WriteMenus offered={offered} onOpen={(id) => openForm(id)} /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Title order={2} size="h3" mb="sm">
            {t('console.case.summary')}
          </Title>
          <CaseSummary detail={current} people={people} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Title order={2} size="h3" mb="sm">
            {t('console.case.timeline')}
          </Title>
          {mayWrite ? <PendingEntries caseRef={caseId} /> : null}
          {timeline.isPending ? <PageLoader /> : null}
          {timeline.isError ? <ErrorAlert error={timeline.error} /> : null}
          {timeline.data ? (
            <Timeline
              events={timeline.data}
              people={people}
              onRetract={mayWrite ? (event) => setRetracting(event) : undefined}
            />
          ) : null}
        </Grid.Col>
      </Grid>
      {open ? (
        <Modal
          opened
          closeButtonProps={{ 'aria-label': t('console.common.close') }}
          onClose={() => openForm(null)}
          title={t(`console.form.${open.id}.title`)}
          size="lg"
        >
          <WriteForm
            key={open.id}
            client={api}
            definition={open}
            detail={current}
            refresh={write.refresh}
            onRecorded={recorded}
            onCancel={() => openForm(null)}
          />
        </Modal>
      ) : null}
      {retracting ? (
        <RetractDialog
          caseId={caseId}
          version={current.version}
          event={retracting}
          onClose={() => setRetracting(null)}
          onRecorded={recorded}
        />
      ) : null}
    </Stack>
  );
}
