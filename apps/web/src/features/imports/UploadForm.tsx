import { Alert, Button, FileInput, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { type DragEvent, type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../../api/errors';
import { useI18n, useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { timeZones } from '../admin/api';
import { type ImportKind, type ImportUploaded, useUpload } from './api';

const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  readonly onUploaded: (answer: ImportUploaded, kind: ImportKind) => void;
}

/** A refusal of the file itself: the API says why in the person's language (an empty list, a header missing...). */
function isFileRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code.startsWith('IMPORT_') && error.body.message !== '';
}

/** The list's file (chosen or dropped), what it holds, and the zone its dates are written in. */
export function UploadForm({ onUploaded }: Props): ReactNode {
  const t = useT();
  const { timeZone: personZone } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('cases');
  const [timeZone, setTimeZone] = useState(personZone);
  const [dragging, setDragging] = useState(false);
  const upload = useUpload();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (file === null) return;
    upload.mutate({ file, kind, timeZone }, { onSuccess: (answer) => onUploaded(answer, kind) });
  };
  const drop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files.item(0);
    if (dropped !== null) setFile(dropped);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <Paper
          withBorder
          p="md"
          bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
          style={{ borderStyle: 'dashed' }}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="import-drop"
        >
          <FileInput
            label={t('console.imports.file')}
            description={t('console.imports.fileHint')}
            placeholder={t('console.imports.filePlaceholder')}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('console.imports.clearFile') }}
            // Mantine draws this placeholder as text (not ::placeholder) in gray 5, below the 4.5:1 contrast text needs.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            required
          />
        </Paper>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="import-kind-label">
            {t('console.imports.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-kind-label"
            value={kind}
            onChange={(value) => setKind(value === 'hearings' ? 'hearings' : 'cases')}
            data={[
              { value: 'cases', label: t('console.imports.kind.cases') },
              { value: 'hearings', label: t('console.imports.kind.hearings') },
            ]}
            fullWidth
          />
        </Stack>
        <Select
          label={t('console.imports.timeZone')}
          description={t('console.imports.timeZoneHint')}
          data={timeZones()}
          value={timeZone}
          onChange={(value) => setTimeZone(value ?? personZone)}
          searchable
          allowDeselect={false}
        />
        {upload.isError ? (
          isFileRefusal(upload.error) ? (
            <Alert color="red" role="alert" title={t('console.imports.refused')}>
              {upload.error.body.message}
            </Alert>
          ) : (
            <ErrorAlert error={upload.error} />
          )
        ) : null}
        <Button type="submit" disabled={file === null} loading={upload.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('console.imports.upload')}
        </Button>
      </Stack>
    </form>
  );
}
