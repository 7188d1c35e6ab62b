import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_ID } from '../../../test/fixtures';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { IDS } from '../../../test/write-fixtures';
import type { CalendarHearing } from './api';
import { CalendarPage } from './CalendarPage';

/** Today at `time` in Almaty (UTC+5), so that the hearing is in the week the page opens on. */
function todayAt(time: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  return new Date(`${day}T${time}:00+05:00`).toISOString();
}

function hearing(name: string, scheduledAt: string, precision: 'exact' | 'day'): CalendarHearing {
  return {
    hearingId: name === 'Arman Zholatov' ? IDS.hearing : '00000000-0000-4000-8000-00000000e0ff',
    caseId: CASE_ID,
    fullName: name,
    kind: 'trial',
    court: 'Almaty City Court',
    judge: null,
    scheduledAt,
    scheduledAtPrecision: precision,
    status: 'scheduled',
    lawyers: [],
    held: null,
    caseStatus: 'in_pretrial_detention',
    measure: null,
    caseVersion: 4,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('CalendarPage', () => {
  it('shows a hearing’s hour, and none for a hearing known to the day only', async () => {
    const items = [
      hearing('Saule Bekova', todayAt('00:00'), 'day'),
      hearing('Arman Zholatov', todayAt('09:30'), 'exact'),
    ];
    stubApi([
      ['GET', '/v1/hearings', () => json(200, { items, total: 2, page: 1, pageSize: 100 })],
      [
        'GET',
        '/v1/users/me/calendar-feed',
        () => json(404, { statusCode: 404, code: 'NOT_FOUND', message: '', details: [] }),
      ],
    ]);
    renderWithConsole(
      <MemoryRouter>
        <CalendarPage />
      </MemoryRouter>,
    );
    const exact = (await screen.findByRole('link', { name: 'Arman Zholatov' })).closest('li');
    const dayOnly = screen.getByRole('link', { name: 'Saule Bekova' }).closest('li');
    expect(exact?.textContent).toContain('09:30');
    expect(dayOnly?.textContent).not.toMatch(/\d{2}:\d{2}/);
    expect(dayOnly?.textContent).toContain('Saule Bekova');
  });
});
