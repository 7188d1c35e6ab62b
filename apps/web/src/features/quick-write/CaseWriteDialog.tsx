import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import type { WriteOutcome } from '../../api/write';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageLoader } from '../../shared/PageLoader';
import { useCase } from '../case/api';
import type { AnyWriteForm, FormValues } from '../case/forms/registry';
import { WriteForm } from '../case/forms/WriteForm';
import { useCaseWrite } from '../case/use-case-write';

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
  const detail = useCase(caseId);
  const write = useCaseWrite(caseId, [['agenda'], ['hearings'], ['escalations'], ['cases']]);
  const form: AnyWriteForm =
    preset === undefined
      ? definition
      : { ...definition, initialFrom: (d) => ({ ...definition.initialFrom?.(d), ...preset }) };

  const recorded = (answer: WriteOutcome): void => {
    onClose();
    void write.recorded(answer);
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
          refresh={write.refresh}
          onRecorded={recorded}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}
