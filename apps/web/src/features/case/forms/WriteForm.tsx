import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useRef, useState } from 'react';
import type { ApiClient } from '../../../api/client';
import { ApiError, versionMismatch } from '../../../api/errors';
import { Submission } from '../../../api/submission';
import type { CaseDetail, TimelineEvent, WriteBody, WritePath } from '../../../api/types';
import { sendWrite, type WriteOutcome } from '../../../api/write';
import { useI18n } from '../../../i18n/i18n-context';
import { useTimes } from '../../../i18n/times';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useFieldError } from '../../../shared/field-error';
import { WHEN_INITIAL, whenSchema, whenToBody, type WhenValues } from '../../../shared/occurred-at';
import { WhenFields } from '../../../shared/WhenFields';
import { placeFieldErrors } from './field-errors';
import { FieldInput } from './FieldInput';
import type { AnyWriteForm, FieldContext, FormValues } from './registry';
import { VersionConflict } from './VersionConflict';

interface Props {
  readonly client: ApiClient;
  readonly definition: AnyWriteForm;
  readonly detail: CaseDetail;
  /** Refetches the case and its timeline after a 412, to show what changed. */
  readonly refresh: () => Promise<readonly TimelineEvent[] | undefined>;
  /** The API's answer, or the write kept on this device without a connection (the form closes either way). */
  readonly onRecorded: (answer: WriteOutcome) => void;
  readonly onCancel: () => void;
}

type Values = FormValues & { occurredAtPrecision: string; occurredAt: string };

interface Conflict {
  readonly expectedVersion: number;
  readonly actualVersion: number | null;
  readonly events: readonly TimelineEvent[] | undefined;
}

/**
 * A registered write as a form. One submission keeps one Idempotency-Key however often it is sent (double click,
 * retry); If-Match carries the version the person was looking at; the API's field errors land on their fields.
 */
export function WriteForm({ client, definition, detail, refresh, onRecorded, onCancel }: Props): ReactNode {
  const { translator, timeZone } = useI18n();
  const t = (key: string, values?: Readonly<Record<string, string | number>>): string => translator.t(key, values);
  const times = useTimes();
  const showError = useFieldError();
  const submission = useRef(new Submission());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const asksWhen = definition.asksWhen !== false;

  const form = useForm<Values>({
    initialValues: { ...definition.initial, ...definition.initialFrom?.(detail), ...WHEN_INITIAL },
    validate: (values) => ({
      ...zod4Resolver(definition.schema)(values),
      ...(asksWhen ? zod4Resolver(whenSchema)(values) : {}),
    }),
  });

  const write = useMutation({
    mutationFn: ({ values, ifMatch }: { values: Values; ifMatch: number }) => {
      const when = asksWhen ? whenToBody(values as unknown as WhenValues, timeZone) : {};
      const body = { ...definition.toBody(values, timeZone, detail), ...when } as WriteBody<WritePath>;
      return sendWrite(client, submission.current, {
        path: definition.path,
        pathParams: { caseId: detail.caseId, ...definition.pathParams?.(values) },
        body,
        ifMatch,
      });
    },
    onSuccess: (answer) => {
      setConflict(null);
      onRecorded(answer);
    },
    onError: async (error, { ifMatch }) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 400) {
        const placed = placeFieldErrors(error, definition.fields);
        form.setErrors(placed.onFields);
        setElsewhere(placed.elsewhere);
      }
      const mismatch = versionMismatch(error);
      if (mismatch !== null) {
        const events = await refresh();
        setConflict({ expectedVersion: ifMatch, actualVersion: mismatch.actualVersion, events });
      }
    },
  });

  const context: FieldContext = { detail, t, times, client };
  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    if (definition.confirm === undefined) write.mutate({ values, ifMatch: detail.version });
    else setConfirming(values);
  });
  const Confirm = definition.confirm;
  const lastError = write.error;
  const showGeneralError =
    lastError !== null && !(lastError instanceof ApiError && (lastError.status === 400 || lastError.status === 412));

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        {conflict !== null ? (
          <VersionConflict
            expectedVersion={conflict.expectedVersion}
            actualVersion={conflict.actualVersion}
            events={conflict.events}
            busy={write.isPending}
            onReapply={() => {
              const next = conflict.actualVersion ?? detail.version;
              write.mutate({ values: form.getValues(), ifMatch: next });
            }}
            onCancel={onCancel}
          />
        ) : null}
        {showGeneralError ? <ErrorAlert error={lastError} /> : null}
        {elsewhere.length > 0 ? (
          <Alert color="red" role="alert" title={t('console.error.title')}>
            {elsewhere.join('; ')}
          </Alert>
        ) : null}
        {definition.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            context={context}
            inputProps={{
              value: form.values[field.name],
              onChange: (value) => form.setFieldValue(field.name, value as Values[string]),
              error: showError(form.errors[field.name]),
            }}
          />
        ))}
        {asksWhen ? (
          <WhenFields
            value={{
              occurredAtPrecision: form.values.occurredAtPrecision as WhenValues['occurredAtPrecision'],
              occurredAt: form.values.occurredAt,
            }}
            onChange={(when) => form.setValues({ ...when })}
            error={showError(form.errors.occurredAt)}
          />
        ) : null}
        {Confirm !== undefined && confirming !== null ? (
          <Confirm
            detail={detail}
            onConfirm={() => {
              setConfirming(null);
              write.mutate({ values: confirming, ifMatch: detail.version });
            }}
            onCancel={() => setConfirming(null)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('console.form.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {t(`console.form.${definition.id}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
