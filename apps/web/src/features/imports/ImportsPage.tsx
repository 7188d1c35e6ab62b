import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import {
  type Decision,
  type Decisions,
  type ImportChecked,
  importKeys,
  type ImportKind,
  type ImportUploaded,
  type Mapping,
  useCommit,
  useDryRun,
} from './api';
import { CheckedRows, countOutcomes } from './CheckedRows';
import { CommitProgress } from './CommitProgress';
import { MappingForm } from './MappingForm';
import { UploadForm } from './UploadForm';

/** What the page knows of the import it is leading the person through (kept in memory only: it holds names). */
interface Working {
  readonly importId: string;
  readonly upload: ImportUploaded;
  readonly kind: ImportKind;
}

/**
 * Lists in (issue 17): a file uploaded, its columns mapped, every row checked, the duplicates decided, then committed
 * with its progress followed. `/imports/:importId` opened afresh (a reload, a link) shows that import's status.
 */
export function ImportsPage(): ReactNode {
  const t = useT();
  const { importId } = useParams();
  const navigate = useNavigate();
  const [working, setWorking] = useState<Working | null>(null);

  const started = (upload: ImportUploaded, kind: ImportKind): void => {
    setWorking({ importId: upload.importId, upload, kind });
    void navigate(`/imports/${upload.importId}`);
  };

  return (
    <Stack>
      <Title order={1}>{t('console.imports.title')}</Title>
      {importId === undefined ? (
        <>
          <Text>{t('console.imports.intro')}</Text>
          <UploadForm onUploaded={started} />
        </>
      ) : working?.importId === importId ? (
        // Once committed, the import is followed by its status only: going back to it never offers its mapping again.
        <ImportSteps key={importId} working={working} onCommitted={() => setWorking(null)} />
      ) : (
        <CommitProgress importId={importId} />
      )}
    </Stack>
  );
}

function ImportSteps({ working, onCommitted }: { working: Working; onCommitted: () => void }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const { importId, upload, kind } = working;
  const [mapping, setMapping] = useState<Mapping>(upload.suggestedMapping);
  const [checked, setChecked] = useState<ImportChecked | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const dryRun = useDryRun(importId);
  const commit = useCommit(importId);

  const check = (next: Mapping): void => {
    setMapping(next);
    dryRun.mutate(next, {
      onSuccess: (answer) => {
        setChecked(answer);
        // A decision stands for a row that is still a possible duplicate under the new mapping.
        const still = new Set(answer.rows.filter((row) => row.outcome === 'duplicate').map((row) => row.row));
        setDecisions((before) => Object.fromEntries(Object.entries(before).filter(([row]) => still.has(Number(row)))));
      },
    });
  };
  const decide = (row: number, decision: Decision | undefined): void => {
    setDecisions((before) => {
      const next: Record<number, Decision> = { ...before };
      if (decision === undefined) delete next[row];
      else next[row] = decision;
      return next;
    });
  };
  const send = (): void => {
    commit.mutate(
      { mapping, decisions },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: importKeys.status(importId) });
          onCommitted();
        },
      },
    );
  };

  const counts = checked === null ? null : countOutcomes(checked.rows);
  const undecided = counts === null ? 0 : counts.duplicate - Object.keys(decisions).length;
  const toRecord =
    counts === null ? 0 : counts.new + Object.values(decisions).filter((decision) => decision !== 'skip').length;

  return (
    <Stack gap="xl">
      <section aria-labelledby="import-columns">
        <Title order={2} id="import-columns" mb="sm">
          {t('console.imports.columns')}
        </Title>
        <MappingForm
          upload={upload}
          kind={kind}
          initial={mapping}
          checking={dryRun.isPending}
          onCheck={check}
          locked={commit.isPending}
        />
        {dryRun.isError ? <ErrorAlert error={dryRun.error} /> : null}
      </section>
      {checked !== null && counts !== null ? (
        <section aria-labelledby="import-check">
          <Title order={2} id="import-check" mb="sm">
            {t('console.imports.checked')}
          </Title>
          <Stack>
            <Text role="status" data-testid="import-counts">
              {t('console.imports.counts', {
                rows: checked.rows.length,
                new: counts.new,
                duplicate: counts.duplicate,
                invalid: counts.invalid,
              })}
            </Text>
            <CheckedRows
              kind={kind}
              rows={checked.rows}
              decisions={decisions}
              onDecide={decide}
              disabled={commit.isPending || dryRun.isPending}
            />
            {undecided > 0 ? (
              <Alert color="yellow" role="status">
                {t('console.imports.undecided', { count: undecided })}
              </Alert>
            ) : null}
            {commit.isError ? <ErrorAlert error={commit.error} /> : null}
            <Group>
              <Button onClick={send} loading={commit.isPending} disabled={commit.isPending || dryRun.isPending}>
                {t('console.imports.commit', { count: toRecord })}
              </Button>
            </Group>
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
