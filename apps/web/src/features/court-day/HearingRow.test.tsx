import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_ID, timelineEvent } from '../../../test/fixtures';
import { json, renderWithConsole } from '../../../test/render';
import { type Call, stubApi } from '../../../test/stub-api';
import { IDS } from '../../../test/write-fixtures';
import type { BoardHearing } from './api';
import { HearingRow } from './HearingRow';

const HEARING: BoardHearing = {
  hearingId: IDS.hearing,
  caseId: CASE_ID,
  fullName: 'Arman Zholatov',
  kind: 'preventive_measure',
  court: 'Specialised inter-district court of Almaty',
  judge: null,
  scheduledAt: '2026-12-01T04:30:00.000Z',
  scheduledAtPrecision: 'exact',
  status: 'scheduled',
  lawyers: [{ lawyerId: IDS.lawyerOnCase, name: 'D. Seitkali', role: 'lead' }],
  held: null,
  caseStatus: 'in_police_custody',
  measure: null,
  caseVersion: 3,
};

const DECISION = /\/hearings\/[^/]+\/decision$/;
const recordedAnswer = () => json(201, { caseId: CASE_ID, version: 5, position: 90 }, { ETag: '"5"' });

function renderRow(
  answers: ReadonlyArray<() => Response>,
  hearing: BoardHearing = HEARING,
): { calls: Call[]; recorded: ReturnType<typeof vi.fn> } {
  let next = 0;
  const calls = stubApi([
    ['POST', DECISION, () => answers[Math.min(next++, answers.length - 1)]()],
    ['GET', `/v1/cases/${CASE_ID}/timeline`, () => json(200, { events: [timelineEvent(3), timelineEvent(4)] })],
    ['GET', `/v1/cases/${CASE_ID}`, () => json(404, { statusCode: 404, code: 'NOT_FOUND', message: '', details: [] })],
  ]);
  const recorded = vi.fn();
  renderWithConsole(
    <MemoryRouter>
      <ol>
        <HearingRow hearing={hearing} mayWrite onRecorded={recorded} />
      </ol>
    </MemoryRouter>,
  );
  return { calls, recorded };
}

const writes = (calls: Call[]) => calls.filter((call) => call.method === 'POST');

afterEach(() => vi.unstubAllGlobals());

describe('HearingRow', () => {
  it('shows the time in the person’s zone, the name, the kind, the lawyer and the status', () => {
    renderRow([recordedAnswer]);
    expect(screen.getByText('09:30')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Arman Zholatov' })).toBeTruthy();
    expect(screen.getByText(/D\. Seitkali/)).toBeTruthy();
  });

  it('shows no hour for a hearing known to the day only', () => {
    renderRow([recordedAnswer], { ...HEARING, scheduledAt: '2026-11-30T19:00:00.000Z', scheduledAtPrecision: 'day' });
    expect(screen.getByText('Time not known')).toBeTruthy();
    expect(screen.queryByText('00:00')).toBeNull();
  });

  it('detention: asks only for the date and how it went; Enter records one write with If-Match and a key', async () => {
    const { calls, recorded } = renderRow([recordedAnswer]);
    await userEvent.click(screen.getByRole('button', { name: 'Detention: Arman Zholatov' }));
    expect(screen.queryByLabelText('Days')).toBeNull();
    expect(screen.queryByLabelText('New time')).toBeNull();
    const until = screen.getByLabelText(/^Until/);
    expect(document.activeElement).toBe(until);
    await userEvent.type(until, '2026-12-30');
    await userEvent.type(screen.getByLabelText('Minutes'), '4');
    await userEvent.selectOptions(screen.getByLabelText('Lawyer present'), 'no');
    await userEvent.type(screen.getByLabelText('Minutes'), '{Enter}');

    await waitFor(() => expect(recorded).toHaveBeenCalledTimes(1));
    const [write] = writes(calls);
    expect(write?.path).toBe(`/v1/cases/${CASE_ID}/hearings/${IDS.hearing}/decision`);
    expect(write?.headers.get('If-Match')).toBe('"3"');
    expect(write?.headers.get('Idempotency-Key')).toMatch(/.+/);
    expect(write?.body).toEqual({
      durationMinutes: 4,
      lawyerPresent: false,
      decision: { kind: 'detention_ordered', until: '2026-12-30T00:00:00+05:00' },
    });
    expect(await screen.findByText(/^Recorded: Detention until/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fine: Arman Zholatov' })).toBeNull();
  });

  it('refuses to send a detention without its date, and an arrest without its days', async () => {
    const { calls } = renderRow([recordedAnswer]);
    await userEvent.click(screen.getByRole('button', { name: 'Detention: Arman Zholatov' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Admin. arrest: Arman Zholatov' }));
    await userEvent.type(screen.getByLabelText(/^Days/), 'two{Enter}');
    expect(await screen.findByText(/number/i)).toBeTruthy();
    expect(writes(calls)).toHaveLength(0);
  });

  it('postponed: asks only for the new time and sends no outcome fields', async () => {
    const { calls, recorded } = renderRow([recordedAnswer]);
    await userEvent.click(screen.getByRole('button', { name: 'Postponed: Arman Zholatov' }));
    expect(screen.queryByLabelText('Minutes')).toBeNull();
    expect(screen.queryByLabelText('Lawyer present')).toBeNull();
    await userEvent.type(screen.getByLabelText(/^New time/), '2026-12-08T11:00{Enter}');
    await waitFor(() => expect(recorded).toHaveBeenCalledTimes(1));
    expect(writes(calls)[0]?.body).toEqual({
      decision: { kind: 'postponed', scheduledAt: '2026-12-08T11:00:00+05:00' },
    });
  });

  it('on a 412 shows what changed and re-applies on the new version, as a new submission', async () => {
    const conflict = () =>
      json(412, {
        statusCode: 412,
        code: 'VERSION_MISMATCH',
        message: 'changed',
        details: [{ expectedVersion: 3, actualVersion: 4 }],
      });
    const { calls, recorded } = renderRow([conflict, recordedAnswer]);
    await userEvent.click(screen.getByRole('button', { name: 'Fine: Arman Zholatov' }));
    await userEvent.type(screen.getByLabelText(/^Amount/), '150000{Enter}');
    expect(await screen.findByText('The case changed while you were writing')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Record mine as well' }));
    await waitFor(() => expect(recorded).toHaveBeenCalledTimes(1));
    const [first, second] = writes(calls);
    expect(second?.headers.get('If-Match')).toBe('"4"');
    expect(second?.headers.get('Idempotency-Key')).not.toBe(first?.headers.get('Idempotency-Key'));
    expect(second?.body).toEqual({ decision: { kind: 'fine', amount: 150000, currency: 'KZT' } });
  });
});
