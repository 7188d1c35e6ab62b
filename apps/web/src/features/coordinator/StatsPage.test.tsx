import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import type { Stats } from '../../api/types';
import { StatsPage } from './StatsPage';

const STATS: Stats = {
  byStatus: {
    reported: 3,
    missing: 1,
    in_police_custody: 12,
    administrative_arrest: 0,
    in_pretrial_detention: 1204,
    hospitalised: 2,
    house_arrest: 5,
    released: 40,
    imprisoned: 7,
    deceased: 1,
  },
  byCity: [
    { city: 'Almaty', count: 900 },
    { city: 'Taraz', count: 75 },
  ],
  byArticle: [{ article: '272', title: 'Mass riots', count: 310 }],
  byFacility: [],
  byPublicRole: [],
  byTortureMethod: [
    { method: 'beating', count: 44 },
    { method: 'electric_shock', count: 9 },
  ],
  deathsByCircumstance: [{ circumstances: 'in_custody', count: 1 }],
  deathsByCause: [{ cause: 'torture', count: 1 }],
  tortureAllegations: 60,
  complaints: { filed: 20, investigationOpened: 2, refused: 10, awaiting: 8, overdue: 3 },
  deaths: 1,
  hearings: { held: 31, medianDurationMinutes: 45, defendantHeardShare: 0.5, lawyerPresentShare: 0.75 },
};

/** The rows of the table under a chart: [label, number] as shown. */
function tableOf(title: string): string[][] {
  const section = screen.getByRole('region', { name: title });
  return within(section)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('the statistics dashboard', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('draws every chart with its table, and the tables hold the API’s numbers', async () => {
    stubApi([['GET', '/v1/stats', () => json(200, STATS)]]);
    renderWithConsole(
      <MemoryRouter>
        <StatsPage />
      </MemoryRouter>,
    );
    await screen.findByRole('region', { name: 'Cases by status' });

    expect(tableOf('Cases by status')).toContainEqual(['in pre-trial detention', '1,204']);
    expect(tableOf('Cases by status')).toHaveLength(10);
    expect(tableOf('Cases by city')).toEqual([
      ['Almaty', '900'],
      ['Taraz', '75'],
    ]);
    expect(tableOf('Cases by article')).toEqual([['272 (Mass riots)', '310']]);
    expect(tableOf('Cases by alleged torture method').map(([, n]) => n)).toEqual(['44', '9']);
    expect(tableOf('Deaths by circumstances (1 death in all)')).toHaveLength(1);
    // Each chart is an image named by its title; its bars carry the same numbers as the table.
    const chart = screen.getByRole('img', { name: 'Cases by city' });
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Almaty', '900', 'Taraz', '75']);
    expect(screen.getByRole('rowheader', { name: 'Median duration, minutes' }).nextSibling?.textContent).toBe('45');
    expect(screen.getByRole('rowheader', { name: 'Lawyer present' }).nextSibling?.textContent).toBe('75%');
  });

  it('asks for the chosen period and city, and the exports carry the same filters', async () => {
    const calls = stubApi([['GET', '/v1/stats', () => json(200, STATS)]]);
    renderWithConsole(
      <MemoryRouter>
        <StatsPage />
      </MemoryRouter>,
    );
    await userEvent.type(screen.getByLabelText('Detained from'), '2022-01-01');
    await userEvent.type(screen.getByLabelText('Detained until'), '2022-01-31');
    await userEvent.type(screen.getByLabelText('City'), 'Almaty');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() => expect(calls.some((c) => c.query.get('city') === 'Almaty')).toBe(true));
    const last = calls[calls.length - 1]!;
    expect(Object.fromEntries(last.query)).toEqual({ from: '2022-01-01', to: '2022-01-31', city: 'Almaty' });
    const href = (name: string): URL =>
      new URL(screen.getByRole('link', { name }).getAttribute('href') ?? '', 'http://x');
    const cases = href('Cases (XLSX)');
    expect(cases.pathname).toBe('/v1/cases/export');
    expect(Object.fromEntries(cases.searchParams)).toEqual({
      lang: 'en',
      tz: 'Asia/Almaty',
      format: 'xlsx',
      detainedFrom: '2022-01-01',
      detainedTo: '2022-01-31',
      city: 'Almaty',
    });
    const stats = href('Statistics (CSV)');
    expect(stats.pathname).toBe('/v1/stats/export');
    expect(Object.fromEntries(stats.searchParams)).toEqual({
      lang: 'en',
      tz: 'Asia/Almaty',
      format: 'csv',
      from: '2022-01-01',
      to: '2022-01-31',
      city: 'Almaty',
    });
  });
});
