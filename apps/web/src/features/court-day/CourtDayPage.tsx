import { Autocomplete, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useI18n, useT } from '../../i18n/i18n-context';
import { useTimes } from '../../i18n/times';
import { Loaded } from '../../shared/Loaded';
import { useUser } from '../auth/session-context';
import { CasePicker } from '../case/forms/CasePicker';
import { hearingForm } from '../case/forms/definitions/hearing';
import { today } from '../lawyer/calendar';
import { CaseWriteDialog } from '../quick-write/CaseWriteDialog';
import { type BoardHearing, useBoard, useCourts } from './api';
import { awaitsDecision, HearingRow } from './HearingRow';

type Adding = { step: 'pick' } | { step: 'schedule'; caseId: string } | null;

/** The picker offers cases by name; no case is open while it does (no case is left out of its options). */
const NO_CASE = { caseId: '' } as CaseDetail;

/**
 * A court's day on one board (issue 17): the day's hearings of one court by time, and one click per decision. After a
 * decision the focus moves to the next row still waiting, so a corridor's twenty decisions go in without a page load.
 */
export function CourtDayPage(): ReactNode {
  const t = useT();
  const times = useTimes();
  const { timeZone } = useI18n();
  const user = useUser();
  const [day, setDay] = useState(() => today(timeZone));
  // Null until the person picks or types one: then the day's busiest court, the one most people open the board for.
  const [chosen, setCourt] = useState<string | null>(null);
  const [adding, setAdding] = useState<Adding>(null);
  const courts = useCourts(day, timeZone);
  const court = chosen ?? courts.data?.[0]?.court ?? '';
  const [typed] = useDebouncedValue(court, 300);
  const hearings = useBoard(day, typed, timeZone);
  const mayWrite = user.role === 'lawyer' || user.role === 'coordinator';

  // Rows decided here stay on this board as they were shown, even when the decision takes them off the day (postponed).
  const [decidedHere, setDecidedHere] = useState<ReadonlyArray<{ board: string; hearing: BoardHearing }>>([]);
  const board = `${day}|${typed}`;
  const shown = (rows: readonly BoardHearing[]): BoardHearing[] => {
    const present = new Set(rows.map((row) => row.hearingId));
    const kept = decidedHere
      .filter((entry) => entry.board === board && !present.has(entry.hearing.hearingId))
      .map((entry) => entry.hearing);
    return [...rows, ...kept].sort(
      (a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.hearingId.localeCompare(b.hearingId),
    );
  };

  const moveOn = (rows: readonly BoardHearing[]) => (decided: BoardHearing) => {
    setDecidedHere((previous) => [...previous, { board, hearing: decided }]);
    const after = rows.slice(rows.findIndex((row) => row.hearingId === decided.hearingId) + 1);
    // After React has drawn the decided row without its buttons; rows decided meanwhile are skipped.
    requestAnimationFrame(() => {
      for (const row of after) {
        if (!awaitsDecision(row)) continue;
        const element = document.querySelector(`[data-court-day-row="${row.hearingId}"][data-pending="true"]`);
        const button = element?.querySelector<HTMLButtonElement>('[data-first-decision]');
        if (button) return button.focus();
      }
    });
  };

  return (
    <Stack>
      <Title order={1}>{t('console.courtDay.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('console.courtDay.day')}
          value={day}
          w={170}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (next !== '') setDay(next);
          }}
        />
        <Autocomplete
          label={t('console.courtDay.court')}
          description={t('console.courtDay.courtHint')}
          value={court}
          onChange={setCourt}
          data={(courts.data ?? []).map((c) => ({
            value: c.court,
            label: t('console.courtDay.courtOption', { court: c.court, hearings: c.hearings }),
          }))}
          style={{ flex: '1 1 240px' }}
          maw={520}
        />
        {mayWrite ? (
          <Button variant="light" onClick={() => setAdding({ step: 'pick' })}>
            {t('console.courtDay.addHearing')}
          </Button>
        ) : null}
      </Group>
      {typed.trim() === '' ? (
        <Text c="dimmed">
          {courts.data?.length === 0 ? t('console.courtDay.noCourts') : t('console.courtDay.pickCourt')}
        </Text>
      ) : (
        <Loaded query={hearings}>
          {(read) => {
            const rows = shown(read);
            return rows.length === 0 ? (
              <Text c="dimmed">{t('console.courtDay.empty', { date: times.day(day) })}</Text>
            ) : (
              <Stack
                component="ol"
                gap="xs"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('console.courtDay.listLabel', { court: typed, date: times.day(day) })}
              >
                {rows.map((hearing) => (
                  <HearingRow key={hearing.hearingId} hearing={hearing} mayWrite={mayWrite} onRecorded={moveOn(rows)} />
                ))}
              </Stack>
            );
          }}
        </Loaded>
      )}
      {adding?.step === 'pick' ? (
        <Modal
          opened
          onClose={() => setAdding(null)}
          title={t('console.courtDay.addHearing')}
          closeButtonProps={{ 'aria-label': t('console.common.close') }}
        >
          <CasePicker
            label={t('console.courtDay.pickCase')}
            required
            field={{ name: 'caseId', kind: 'case', label: 'console.courtDay.pickCase' }}
            context={{ detail: NO_CASE, t, times, client: api }}
            value=""
            onChange={(caseId) => {
              if (caseId !== '') setAdding({ step: 'schedule', caseId });
            }}
          />
        </Modal>
      ) : null}
      {adding?.step === 'schedule' ? (
        <CaseWriteDialog
          caseId={adding.caseId}
          definition={hearingForm}
          preset={{ court: typed, scheduledAt: `${day}T09:00` }}
          onClose={() => setAdding(null)}
        />
      ) : null}
    </Stack>
  );
}
