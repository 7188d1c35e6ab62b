import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useRef } from 'react';
import { z } from 'zod';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Submission } from '../../api/submission';
import type { TimelineEvent } from '../../api/types';
import { sendWrite, type WriteOutcome } from '../../api/write';
import { useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFieldError } from '../../shared/field-error';
import { requiredText } from '../../shared/validation';
import { placeFieldErrors } from './forms/field-errors';

const schema = z.object({ reason: requiredText(2000) });

interface Props {
  readonly caseId: string;
  readonly version: number;
  readonly event: TimelineEvent;
  readonly onClose: () => void;
  readonly onRecorded: (answer: WriteOutcome) => void;
}

/** Retracting a fact records why; the fact stays in the timeline, marked, and stops counting. */
export function RetractDialog({ caseId, version, event, onClose, onRecorded }: Props): ReactNode {
  const t = useT();
  const times = useTimes();
  const showError = useFieldError();
  const submission = useRef(new Submission());
  const form = useForm({ initialValues: { reason: '' }, validate: zod4Resolver(schema) });
  const retract = useMutation({
    mutationFn: (reason: string) =>
      sendWrite(api, submission.current, {
        path: '/v1/cases/{caseId}/retractions',
        pathParams: { caseId },
        body: { eventId: event.eventId, reason },
        ifMatch: version,
      }),
    onSuccess: onRecorded,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        form.setErrors(placeFieldErrors(error, [{ name: 'reason', kind: 'textarea', label: '' }]).onFields);
      }
    },
  });
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
      onClose={onClose}
      title={t('console.retract.title')}
    >
      <form noValidate onSubmit={form.onSubmit((values) => retract.mutate(values.reason.trim()))}>
        <Stack>
          <Text size="sm">
            {t('console.retract.what', { type: t(`dossier.eventType.${event.type}`), when: times.fact(event) })}
          </Text>
          {retract.isError && !(retract.error instanceof ApiError && retract.error.status === 400) ? (
            <ErrorAlert error={retract.error} />
          ) : null}
          <Textarea
            label={t('console.retract.reason')}
            required
            data-autofocus
            {...form.getInputProps('reason')}
            error={showError(form.errors.reason)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('console.form.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={retract.isPending}>
              {t('console.retract.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
