import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiError, versionMismatch } from '../../api/errors';
import { Submission } from '../../api/submission';
import type { TimelineEvent } from '../../api/types';
import { isQueued, sendWrite } from '../../api/write';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { wallTimeToIso } from '../../shared/occurred-at';
import { VersionConflict } from '../case/forms/VersionConflict';
import { useCaseWrite } from '../case/use-case-write';
import { type BoardHearing, clockTime } from './api';
import { DECISION_KINDS, decisionBody, type DecisionKind, type DecisionValues } from './decision';
import { DecisionForm } from './DecisionForm';

interface Props {
  readonly hearing: BoardHearing;
  /** Whether the signed-in person may record decisions (lawyers and coordinators). */
  readonly mayWrite: boolean;
  /** A decision was recorded on this row: the page moves on to the next one. */
  readonly onRecorded: (hearing: BoardHearing) => void;
}

interface Recorded {
  readonly kind: DecisionKind;
  readonly values: DecisionValues;
  /** Kept on this device without a connection: not on the server yet. */
  readonly queued: boolean;
}

interface Conflict {
  readonly expectedVersion: number;
  readonly actualVersion: number | null;
  readonly events: readonly TimelineEvent[] | undefined;
}

const DECIDED: ReadonlySet<string> = new Set(['held', 'cancelled']);

/** Whether the row still waits for a decision (the page moves the focus to the next such row). */
export function awaitsDecision(hearing: BoardHearing): boolean {
  return !DECIDED.has(hearing.status);
}

/**
 * One hearing of the court's day: when, who, the lawyers, its status, and a button per decision. A button opens that
 * decision's compact form on the row; one submission is one write with its own Idempotency-Key and the version shown
 * as If-Match, and a 412 shows what changed before the person records theirs on top of it.
 */
export function HearingRow({ hearing, mayWrite, onRecorded }: Props): ReactNode {
  const t = useT();
  const { timeZone } = useI18n();
  const times = useTimes();
  const [open, setOpen] = useState<DecisionKind | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const submission = useRef(new Submission());
  // The board is read again after a write (its key is under `hearings`), and waits for the write's position.
  const caseWrite = useCaseWrite(hearing.caseId, [['hearings']]);
  const name = hearing.fullName;

  const write = useMutation({
    mutationFn: ({ kind, values, ifMatch }: { kind: DecisionKind; values: DecisionValues; ifMatch: number }) =>
      sendWrite(api, submission.current, {
        path: '/v1/cases/{caseId}/hearings/{hearingId}/decision',
        pathParams: { caseId: hearing.caseId, hearingId: hearing.hearingId },
        body: decisionBody(kind, values, timeZone),
        ifMatch,
      }),
    onSuccess: (answer, { kind, values }) => {
      setConflict(null);
      setOpen(null);
      setRecorded({ kind, values, queued: isQueued(answer) });
      onRecorded(hearing);
      // The row itself says what was recorded: twenty toasts would cover the next rows' buttons.
      void caseWrite.recorded(answer, { quiet: true });
    },
    onError: async (error, { ifMatch }) => {
      if (!(error instanceof ApiError)) return;
      const mismatch = versionMismatch(error);
      if (mismatch !== null) {
        const events = await caseWrite.refresh();
        setConflict({ expectedVersion: ifMatch, actualVersion: mismatch.actualVersion, events });
      }
    },
  });

  const submit = (kind: DecisionKind) => (values: DecisionValues) =>
    write.mutate({ kind, values, ifMatch: hearing.caseVersion });
  const openForm = (kind: DecisionKind) => () => {
    write.reset();
    setConflict(null);
    setOpen(kind);
  };
  const pending = awaitsDecision(hearing) && recorded === null;
  const lastError = write.error;
  const showError = lastError !== null && !(lastError instanceof ApiError && lastError.status === 412);

  return (
    <Paper component="li" withBorder p="xs" data-court-day-row={hearing.hearingId} data-pending={pending}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            {/* A hearing known to the day only (a list that gives dates) shows no hour nobody knows. */}
            {hearing.scheduledAtPrecision === 'day' ? (
              <Text size="sm" c="dimmed">
                {t('console.courtDay.noHour')}
              </Text>
            ) : (
              <Text fw={700} ff="monospace">
                {clockTime(hearing.scheduledAt, timeZone)}
              </Text>
            )}
            <Anchor component={Link} to={`/cases/${hearing.caseId}`} fw={600}>
              {name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`vocabulary.hearingKind.${hearing.kind}`)}
            </Text>
          </Group>
          <Badge variant="light" color={hearing.status === 'scheduled' ? 'blue' : 'gray'}>
            {t(`roles.hearingStatus.${hearing.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {hearing.lawyers.length === 0
            ? t('console.courtDay.noLawyer')
            : hearing.lawyers
                .map((l) =>
                  t('console.courtDay.lawyer', {
                    name: l.name ?? t('console.courtDay.lawyerGone'),
                    role: t(`vocabulary.lawyerRole.${l.role}`),
                  }),
                )
                .join(', ')}
        </Text>
        {recorded !== null ? (
          <Text size="sm" c="teal.9" role="status">
            {t(recorded.queued ? 'offline.courtDay.kept' : 'console.courtDay.recorded', {
              what: describe(recorded, t, times, timeZone),
            })}
          </Text>
        ) : hearing.held !== null ? (
          <Text size="sm" role="status">
            {heldLine(hearing, hearing.held.outcome, t, times)}
          </Text>
        ) : null}
        {conflict !== null && open !== null ? (
          <VersionConflict
            expectedVersion={conflict.expectedVersion}
            actualVersion={conflict.actualVersion}
            events={conflict.events}
            busy={write.isPending}
            onReapply={() => {
              const last = write.variables;
              if (last) write.mutate({ ...last, ifMatch: conflict.actualVersion ?? hearing.caseVersion });
            }}
            onCancel={() => {
              setConflict(null);
              setOpen(null);
            }}
          />
        ) : null}
        {showError ? <ErrorAlert error={lastError} /> : null}
        {mayWrite && pending ? (
          <Group gap={6} wrap="wrap" role="group" aria-label={t('console.courtDay.decisionsFor', { name })}>
            {DECISION_KINDS.map((kind, index) => (
              <Button
                key={kind}
                size="compact-sm"
                variant={open === kind ? 'filled' : 'light'}
                aria-pressed={open === kind}
                aria-label={t('console.courtDay.decisionFor', {
                  decision: t(`console.courtDay.decision.${kind}`),
                  name,
                })}
                data-first-decision={index === 0 ? true : undefined}
                onClick={openForm(kind)}
              >
                {t(`console.courtDay.decision.${kind}`)}
              </Button>
            ))}
          </Group>
        ) : null}
        {open !== null && pending ? (
          <DecisionForm
            key={open}
            kind={open}
            name={name}
            busy={write.isPending}
            onSubmit={submit(open)}
            onCancel={() => setOpen(null)}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

type Translate = ReturnType<typeof useT>;

/** What was just recorded, in the person's words: the decision and what it needs ("Detention until 30 Dec 2026"). */
function describe(
  { kind, values }: Recorded,
  t: Translate,
  times: ReturnType<typeof useTimes>,
  timeZone: string,
): string {
  const decision = t(`console.courtDay.decision.${kind}`);
  switch (kind) {
    case 'detention_ordered':
    case 'house_arrest':
      return values.until === ''
        ? decision
        : `${decision} ${t('console.courtDay.until', { date: times.day(values.until) })}`;
    case 'postponed':
      return `${decision}: ${times.dateTime(wallTimeToIso(values.scheduledAt, timeZone))}`;
    case 'administrative_arrest':
      return `${decision}: ${t('console.courtDay.days', { days: Number(values.days) })}`;
    case 'fine':
      return values.amount === ''
        ? decision
        : `${decision}: ${t('console.courtDay.amount', { amount: Number(values.amount), currency: values.currency })}`;
    case 'released':
      return values.grounds === '' ? decision : `${decision}: ${t(`vocabulary.releaseGrounds.${values.grounds}`)}`;
    case 'other':
      return decision;
  }
}

/** How a hearing decided before went, and the measure the case is under since (the board read after a reload). */
function heldLine(hearing: BoardHearing, outcome: string, t: Translate, times: ReturnType<typeof useTimes>): string {
  const held = t('console.courtDay.heldAs', { what: outcomeText(outcome, t) });
  const { measure } = hearing;
  if (measure === null) return held;
  const named = t(`vocabulary.measure.${measure.measure}`);
  const until = measure.until === null ? '' : ` ${t('console.courtDay.until', { date: times.date(measure.until) })}`;
  return `${held} · ${named}${until}`;
}

/** A held hearing's outcome: a decision's name in the person's language, or the text typed on the case page. */
function outcomeText(outcome: string, t: Translate): string {
  return (DECISION_KINDS as readonly string[]).includes(outcome) ? t(`vocabulary.hearingDecision.${outcome}`) : outcome;
}
