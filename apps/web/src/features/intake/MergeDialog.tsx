import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useRef } from 'react';
import { z } from 'zod';
import { api } from '../../api/client';
import { Submission } from '../../api/submission';
import { sendWrite, type WriteOutcome } from '../../api/write';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFieldError } from '../../shared/field-error';
import { requiredText } from '../../shared/validation';

const schema = z.object({ reason: requiredText(2000) });

interface Props {
  /** The duplicate: closed with `mergedInto`, its spellings joining the survivor's. */
  readonly duplicate: { readonly caseId: string; readonly fullName: string };
  readonly into: { readonly caseId: string; readonly fullName: string };
  readonly onClose: () => void;
  readonly onMerged: (answer: WriteOutcome) => void;
}

/** A coordinator merges a duplicate into the case that stays, saying why. */
export function MergeDialog({ duplicate, into, onClose, onMerged }: Props): ReactNode {
  const t = useT();
  const showError = useFieldError();
  const submission = useRef(new Submission());
  const form = useForm({ initialValues: { reason: '' }, validate: zod4Resolver(schema) });
  const merge = useMutation({
    mutationFn: (reason: string) =>
      sendWrite(api, submission.current, {
        path: '/v1/cases/{caseId}/merge',
        pathParams: { caseId: duplicate.caseId },
        body: { intoCaseId: into.caseId, reason },
      }),
    onSuccess: onMerged,
  });
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
      onClose={onClose}
      title={t('console.merge.title')}
    >
      <form noValidate onSubmit={form.onSubmit((values) => merge.mutate(values.reason.trim()))}>
        <Stack>
          <Text size="sm">{t('console.merge.explain', { duplicate: duplicate.fullName, into: into.fullName })}</Text>
          {merge.isError ? <ErrorAlert error={merge.error} /> : null}
          <Textarea
            label={t('console.merge.reason')}
            required
            data-autofocus
            {...form.getInputProps('reason')}
            error={showError(form.errors.reason)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('console.form.cancel')}
            </Button>
            <Button type="submit" loading={merge.isPending}>
              {t('console.merge.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
