import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { Submission } from '../../api/submission';
import type { PossibleDuplicate } from '../../api/types';
import { isQueued, sendWrite } from '../../api/write';
import { localCaseRef } from '../../offline/ui/queue';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { notifyDone } from '../../shared/notify';
import { useFieldError } from '../../shared/field-error';
import { useUser } from '../auth/session-context';
import { useSimilarCases } from './api';
import { DuplicateList, type DuplicateItem } from './DuplicateList';
import { MergeDialog } from './MergeDialog';
import {
  identityBody,
  INTAKE_API_FIELDS,
  INTAKE_INITIAL,
  intakeSchema,
  type IntakeValues,
  openCaseBody,
  PUBLIC_ROLES,
  SEXES,
  SOURCE_KINDS,
  VULNERABILITIES,
} from './schema';

/** The intake kept on this device without a connection: its page lists it and what follows it. */
interface Kept {
  readonly localRef: string;
  readonly fullName: string;
}

interface Opened {
  readonly caseId: string;
  readonly fullName: string;
  readonly possibleDuplicates: readonly PossibleDuplicate[];
  /** The identity fact that followed the opening failed: the case exists, this part is to be sent again. */
  readonly identityError: unknown;
}

/**
 * Intake: a new person. Possible duplicates show while the name is typed (the list's search across spellings) and
 * again from the answer (`possibleDuplicates`); a coordinator can merge the new case into one of them.
 */
export function IntakePage(): ReactNode {
  const t = useT();
  const user = useUser();
  const showError = useFieldError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const opening = useRef(new Submission());
  const completing = useRef(new Submission());
  const [opened, setOpened] = useState<Opened | null>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const [merging, setMerging] = useState<DuplicateItem | null>(null);
  const form = useForm<IntakeValues>({ initialValues: INTAKE_INITIAL, validate: zod4Resolver(intakeSchema) });
  const [names] = useDebouncedValue([form.values.fullName, ...form.values.nameVariants], 400);
  const similar = useSimilarCases(opened === null ? names : []);

  const open = useMutation({
    mutationFn: async (values: IntakeValues): Promise<Opened | Kept> => {
      const answer = await sendWrite(api, opening.current, {
        path: '/v1/cases',
        pathParams: {},
        body: openCaseBody(values),
      });
      if (isQueued(answer)) return keepIdentity(answer.queued.id, values);
      const duplicates = (answer.possibleDuplicates ?? []) as PossibleDuplicate[];
      const identity = identityBody(values);
      let identityError: unknown = null;
      if (identity !== null) {
        try {
          await sendWrite(api, completing.current, {
            path: '/v1/cases/{caseId}/identity',
            pathParams: { caseId: answer.caseId },
            body: identity,
          });
        } catch (error) {
          identityError = error;
        }
      }
      return { caseId: answer.caseId, fullName: values.fullName.trim(), possibleDuplicates: duplicates, identityError };
    },
    onSuccess: async (result) => {
      if ('localRef' in result) {
        setKept(result);
        notifyDone(t('offline.keptOnDevice'), t('console.common.close'));
        return;
      }
      setOpened(result);
      notifyDone(t('console.intake.opened'), t('console.common.close'));
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        const errors: Record<string, string> = {};
        for (const [field, message] of Object.entries(fieldErrors(error))) {
          const name = INTAKE_API_FIELDS[field] ?? INTAKE_API_FIELDS[field.replace(/\.\d+$/, '')];
          if (name !== undefined) errors[name] = message;
        }
        form.setErrors(errors);
      }
    },
  });

  /** Offline: the identity fact waits in the outbox behind the kept opening, whose answer will name the case. */
  const keepIdentity = async (intakeId: string, values: IntakeValues): Promise<Kept> => {
    const localRef = localCaseRef(intakeId);
    const identity = identityBody(values);
    if (identity !== null) {
      await sendWrite(
        api,
        completing.current,
        { path: '/v1/cases/{caseId}/identity', pathParams: { caseId: localRef }, body: identity },
        { caseRef: localRef, dependsOn: intakeId },
      );
    }
    return { localRef, fullName: values.fullName.trim() };
  };

  const startOver = (): void => {
    setKept(null);
    setOpened(null);
    form.reset();
    opening.current.done();
    completing.current.done();
  };

  if (kept !== null) {
    return (
      <Stack maw={760}>
        <Title order={1}>{t('offline.intake.keptTitle')}</Title>
        <Alert color="yellow">
          <Stack gap="xs">
            <Text size="sm">{t('offline.intake.keptText')}</Text>
            <Anchor component={Link} to={`/offline/pending/${encodeURIComponent(kept.localRef)}`}>
              {t('offline.intake.keptLink', { name: kept.fullName })}
            </Anchor>
          </Stack>
        </Alert>
        <Group>
          <Button onClick={startOver}>{t('console.intake.another')}</Button>
        </Group>
      </Stack>
    );
  }

  if (opened !== null) {
    return (
      <Stack maw={760}>
        <Title order={1}>{t('console.intake.openedTitle')}</Title>
        <Alert color="green">
          <Anchor component={Link} to={`/cases/${opened.caseId}`}>
            {t('console.intake.openCase', { name: opened.fullName })}
          </Anchor>
        </Alert>
        {opened.identityError !== null ? <ErrorAlert error={opened.identityError} /> : null}
        <Card withBorder component="section" aria-labelledby="answer-duplicates">
          <Title order={2} size="h4" id="answer-duplicates" mb="xs">
            {t('console.intake.duplicatesAfter')}
          </Title>
          {opened.possibleDuplicates.length === 0 ? (
            <Text size="sm">{t('console.intake.noDuplicates')}</Text>
          ) : (
            <DuplicateList
              items={opened.possibleDuplicates}
              onMerge={user.role === 'coordinator' ? (item) => setMerging(item) : undefined}
            />
          )}
        </Card>
        <Group>
          <Button onClick={startOver}>{t('console.intake.another')}</Button>
        </Group>
        {merging ? (
          <MergeDialog
            duplicate={{ caseId: opened.caseId, fullName: opened.fullName }}
            into={merging}
            onClose={() => setMerging(null)}
            onMerged={async (answer) => {
              // A merge kept on the device has not happened yet: the new case's page lists it as waiting.
              if (isQueued(answer)) {
                notifyDone(t('offline.keptOnDevice'), t('console.common.close'));
                await navigate(`/cases/${opened.caseId}`);
                return;
              }
              notifyDone(t('console.merge.done'), t('console.common.close'));
              await queryClient.invalidateQueries({ queryKey: ['cases'] });
              await navigate(`/cases/${merging.caseId}`);
            }}
          />
        ) : null}
      </Stack>
    );
  }

  const checkboxes = (
    name: 'vulnerabilities' | 'publicRoles',
    labels: string,
    values: readonly string[],
  ): ReactNode => (
    <Checkbox.Group
      label={t(`console.intake.field.${name}`)}
      {...form.getInputProps(name)}
      error={showError(form.errors[name])}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
        {values.map((value) => (
          <Checkbox key={value} value={value} label={t(`${labels}.${value}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form noValidate onSubmit={form.onSubmit((values) => open.mutate(values))}>
          <Stack>
            <Title order={1}>{t('console.intake.title')}</Title>
            {open.isError && !(open.error instanceof ApiError && open.error.status === 400) ? (
              <ErrorAlert error={open.error} />
            ) : null}
            <TextInput
              label={t('console.intake.field.fullName')}
              required
              autoComplete="off"
              {...form.getInputProps('fullName')}
              error={showError(form.errors.fullName)}
            />
            <TagsInput
              label={t('console.intake.field.nameVariants')}
              description={t('console.intake.field.nameVariantsHint')}
              {...form.getInputProps('nameVariants')}
              error={showError(form.errors.nameVariants)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('console.intake.field.city')}
                {...form.getInputProps('city')}
                error={showError(form.errors.city)}
              />
              <NativeSelect
                label={t('console.intake.field.sex')}
                {...form.getInputProps('sex')}
                error={showError(form.errors.sex)}
                data={[
                  { value: '', label: t('console.form.notKnown') },
                  ...SEXES.map((s) => ({ value: s, label: t(`vocabulary.sex.${s}`) })),
                ]}
              />
              <TextInput
                type="date"
                label={t('console.intake.field.birthDate')}
                {...form.getInputProps('birthDate')}
                error={showError(form.errors.birthDate)}
              />
              <TextInput
                type="number"
                inputMode="numeric"
                label={t('console.intake.field.birthYear')}
                description={t('console.intake.field.birthYearHint')}
                disabled={form.values.birthDate !== ''}
                {...form.getInputProps('birthYear')}
                error={showError(form.errors.birthYear)}
              />
            </SimpleGrid>
            {checkboxes('vulnerabilities', 'vocabulary.vulnerability', VULNERABILITIES)}
            {checkboxes('publicRoles', 'vocabulary.publicRole', PUBLIC_ROLES)}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('console.intake.field.sourceKind')}
                required
                {...form.getInputProps('sourceKind')}
                error={showError(form.errors.sourceKind)}
                data={[
                  { value: '', label: t('console.form.choose') },
                  ...SOURCE_KINDS.map((s) => ({ value: s, label: t(`vocabulary.sourceKind.${s}`) })),
                ]}
              />
              <TextInput
                label={t('console.intake.field.sourceReference')}
                description={t('console.intake.field.sourceReferenceHint')}
                {...form.getInputProps('sourceReference')}
                error={showError(form.errors.sourceReference)}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={open.isPending}>
                {t('console.intake.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder component="aside" aria-labelledby="typing-duplicates" aria-live="polite">
          <Title order={2} size="h5" id="typing-duplicates" mb="xs">
            {t('console.intake.duplicatesWhileTyping')}
          </Title>
          {similar.data && similar.data.length > 0 ? (
            <DuplicateList items={similar.data} />
          ) : (
            <Text size="sm" c="dimmed">
              {t(similar.isFetching ? 'console.intake.searching' : 'console.intake.noSimilar')}
            </Text>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
