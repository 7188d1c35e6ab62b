import { Modal } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import type { TimelineEvent, WriteAnswer } from '../../api/types';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { notifyDone } from '../../shared/notify';
import { PageLoader } from '../../shared/PageLoader';
import { caseKeys, fetchTimeline, rememberWriteAnswer, useCase } from '../case/api';
import type { AnyWriteForm, FormValues } from '../case/forms/registry';
import { WriteForm } from '../case/forms/WriteForm';

interface Props {
  readonly caseId: string;
  readonly definition: AnyWriteForm;
  /** Values the page already knows (the agenda's hearing), over the form's own initial values. */
  readonly preset?: FormValues;
  readonly onClose: () => void;
}

/**
 * One of the case page's write forms, opened from another page (the agenda, the escalation queue) on a case: the same
 * registry, the same Idempotency-Key, If-Match and field errors, on the case as it is now.
 */
export function CaseWriteDialog({ caseId, definition, preset, onClose }: Props): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const detail = useCase(caseId);
  const form: AnyWriteForm =
    preset === undefined
      ? definition
      : { ...definition, initialFrom: (d) => ({ ...definition.initialFrom?.(d), ...preset }) };

  const recorded = async (answer: WriteAnswer): Promise<void> => {
    onClose();
    rememberWriteAnswer(queryClient, answer);
    notifyDone(t('console.form.recorded'), t('console.common.close'));
    // Every read after the write waits for its position (X-Min-Position): the agenda and lists answer with it.
    await queryClient.invalidateQueries({ queryKey: ['case', answer.caseId] });
    await queryClient.invalidateQueries({ queryKey: ['agenda'] });
    await queryClient.invalidateQueries({ queryKey: ['hearings'] });
    await queryClient.invalidateQueries({ queryKey: ['escalations'] });
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  const refresh = async (): Promise<readonly TimelineEvent[] | undefined> => {
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    return queryClient.fetchQuery({
      queryKey: caseKeys.timeline(caseId),
      queryFn: () => fetchTimeline(caseId),
      staleTime: 0,
    });
  };

  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
      onClose={onClose}
      title={
        detail.data
          ? t('roles.quickWrite.title', { form: t(`console.form.${definition.id}.title`), name: detail.data.fullName })
          : t(`console.form.${definition.id}.title`)
      }
      size="lg"
    >
      {detail.isPending ? <PageLoader /> : null}
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      {detail.data ? (
        <WriteForm
          client={api}
          definition={form}
          detail={detail.data}
          refresh={refresh}
          onRecorded={(answer) => void recorded(answer)}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}
