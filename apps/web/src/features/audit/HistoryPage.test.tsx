import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_ID, caseDetail, timelineEvent } from '../../../test/fixtures';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { HistoryPage } from './HistoryPage';

const AUDITOR = {
  session: {
    user: {
      id: '00000000-0000-4000-8000-0000000000a7',
      email: 'a@example.org',
      name: 'Auditor',
      role: 'auditor' as const,
      timeZone: 'UTC',
      locale: 'en' as const,
    },
    csrf: { header: 'X-CSRF-Token' as const, token: 'csrf' },
  },
  signedIn: () => undefined,
  signOut: async () => undefined,
};

// Detained on 5 January, recorded on 20 January; released on 10 February, recorded the same day.
const EVENTS = [
  timelineEvent(1, {
    type: 'CaseOpened',
    occurredAt: '2022-01-20T08:00:00.000Z',
    recordedAt: '2022-01-20T08:00:00.000Z',
  }),
  timelineEvent(2, {
    type: 'DetentionRecorded',
    occurredAt: '2022-01-05T08:00:00.000Z',
    recordedAt: '2022-01-20T09:00:00.000Z',
  }),
  timelineEvent(3, {
    type: 'Released',
    occurredAt: '2022-02-10T08:00:00.000Z',
    recordedAt: '2022-02-10T09:00:00.000Z',
  }),
];

function history(asOf: string, axis: string) {
  return {
    asOf,
    axis,
    version: 3,
    eventsIncluded: 3,
    retractedEventIds: [],
    exists: true,
    detainee: { fullName: 'Arman Zholatov', city: 'Almaty' },
    source: null,
    openedAt: asOf,
    vulnerabilities: [],
    closed: false,
    erased: false,
    mergedInto: null,
    mergedDuplicates: [],
    lawyers: {},
    status: 'released',
    statusAsOf: asOf,
    heldAs: null,
    currentFacility: null,
    measure: null,
    measureHistory: [],
    releasedAt: null,
    release: null,
    detentions: [],
    transfers: [],
    charges: {},
    administrativeSanctions: [],
    hearings: {},
    allegations: {},
    complaints: {},
    accessDenials: [],
    accessGrants: [],
    pressure: [],
    medicalFacts: [],
    verdict: null,
    death: null,
    notes: [],
    links: [],
  };
}

function renderReplay(verify: unknown) {
  const calls = stubApi([
    ['GET', `/v1/cases/${CASE_ID}`, () => json(200, caseDetail())],
    [
      'GET',
      `/v1/cases/${CASE_ID}/timeline`,
      (c) => json(200, { events: c.query.has('after') ? EVENTS.slice(1) : EVENTS }),
    ],
    [
      'GET',
      `/v1/cases/${CASE_ID}/history`,
      (c) => json(200, history(c.query.get('asOf') ?? '', c.query.get('axis') ?? '')),
    ],
    ['GET', `/v1/cases/${CASE_ID}/verify`, () => json(200, verify)],
  ]);
  renderWithConsole(
    <MemoryRouter initialEntries={[`/history/${CASE_ID}`]}>
      <Routes>
        <Route path="/history/:caseId" element={<HistoryPage />} />
      </Routes>
    </MemoryRouter>,
    { session: AUDITOR, timeZone: 'UTC' },
  );
  return calls;
}

describe('the history viewer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('replays on either axis: the moments are the recorded or the occurred times, the slider moves through them', async () => {
    const calls = renderReplay({ valid: true, events: 3, headHash: 'ab12cd' });
    await screen.findByText('Intact: 3 facts');
    expect(screen.getByText('ab12cd')).toBeTruthy();
    const histories = () => calls.filter((c) => c.path.endsWith('/history'));
    await waitFor(() => expect(histories().length).toBeGreaterThan(0));
    expect(Object.fromEntries(histories().at(-1)!.query)).toEqual({
      asOf: '2022-02-10T09:00:00.000Z',
      axis: 'recorded',
    });

    await userEvent.click(screen.getByRole('radio', { name: 'What had happened by' }));
    await waitFor(() => expect(histories().at(-1)!.query.get('axis')).toBe('occurred'));
    expect(histories().at(-1)!.query.get('asOf')).toBe('2022-02-10T08:00:00.000Z');
    const changes = calls.filter((c) => c.path.endsWith('/timeline') && c.query.has('after')).at(-1)!;
    expect(Object.fromEntries(changes.query)).toEqual({
      axis: 'occurred',
      after: '2022-01-05T08:00:00.000Z',
      until: '2022-02-10T08:00:00.000Z',
    });

    // The later thumb, one step back with the keyboard: the case as it stood on 20 January.
    const later = screen.getByRole('slider', { name: 'Later moment' });
    later.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(histories().at(-1)!.query.get('asOf')).toBe('2022-01-20T08:00:00.000Z'));
    // An auditor's page writes nothing.
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('shows a broken chain with the version where it breaks', async () => {
    renderReplay({ valid: false, brokenAtVersion: 2, problem: 'hash_mismatch' });
    expect(await screen.findByText('Broken at version 2')).toBeTruthy();
    expect(screen.getByText('A fact was changed after it was recorded.')).toBeTruthy();
  });

  it('offers the dossier in the chosen format, language and zone', async () => {
    renderReplay({ valid: true, events: 3, headHash: 'ab12cd' });
    await screen.findByText('Intact: 3 facts');
    await userEvent.selectOptions(screen.getByLabelText('Language of the dossier'), 'kk');
    const link = screen.getByRole('link', { name: 'Download the dossier' });
    const url = new URL(link.getAttribute('href') ?? '', 'http://x');
    expect(url.pathname).toBe(`/v1/cases/${CASE_ID}/dossier`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'pdf', lang: 'kk', tz: 'UTC' });
  });
});
