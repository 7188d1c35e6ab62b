import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../api/types';
import { caseDetail } from '../../../test/fixtures';
import { renderWithConsole } from '../../../test/render';
import { CaseSummary } from './CaseSummary';

const deadline = {
  ruleSetId: 'kz',
  ruleSetVersion: '2026-12-01',
  ruleId: 'kz.detention.court-decision-72h',
  fact: 'detention' as const,
  from: '2022-01-05T03:00:00.000Z',
  dueAt: '2022-01-08T03:00:00.000Z',
  precision: 'day' as const,
  remind: 'coordinators' as const,
  name: {
    en: 'Held 72 hours without a court decision',
    ru: '72 часа под стражей без решения суда',
    kk: 'Сот шешімінсіз 72 сағат ұсталуда',
  },
  source: {
    article: 'Criminal Procedure Code, art. 131 part 4',
    title: 'Criminal Procedure Code of the Republic of Kazakhstan of 4 July 2014 No. 231-V',
    url: 'https://adilet.zan.kz/eng/docs/K1400000231',
  },
  overdue: true,
};

function renderSummary(locale: 'en' | 'ru', deadlines = [deadline]): void {
  renderWithConsole(
    <MemoryRouter>
      <CaseSummary detail={caseDetail({ deadlines })} people={new Map()} />
    </MemoryRouter>,
    { locale },
  );
}

describe('the case summary: deadlines by law', () => {
  it('names each in the reader’s language, no more precisely than known, with its article linked to the official text', () => {
    renderSummary('ru');
    const section = screen.getByRole('heading', { name: 'Сроки по закону' }).closest('section')!;
    expect(
      within(section).getByText(/72 часа под стражей без решения суда: 8 января 2022 г\., срок истёк/),
    ).toBeTruthy();
    const link = within(section).getByRole('link', { name: 'Criminal Procedure Code, art. 131 part 4' });
    expect(link.getAttribute('href')).toBe('https://adilet.zan.kz/eng/docs/K1400000231');
  });

  it('has no section when the case has no deadline by law', () => {
    renderSummary('en', []);
    expect(screen.queryByRole('heading', { name: 'Deadlines by law' })).toBeNull();
  });
});

describe('the case summary: the next hearing', () => {
  const next = {
    hearingId: '6f1c1f0e-2222-4a4a-8a8a-000000000001',
    kind: 'trial' as const,
    court: 'Almaty City Court',
    // 10 January's midnight in Almaty, the console's zone in the tests.
    scheduledAt: '2022-01-09T18:00:00.000Z',
  };

  function renderNext(nextHearing: CaseDetail['nextHearing']): void {
    renderWithConsole(
      <MemoryRouter>
        <CaseSummary detail={caseDetail({ nextHearing })} people={new Map()} />
      </MemoryRouter>,
    );
  }

  it('known to the day only: its date, no hour', () => {
    renderNext({ ...next, scheduledAtPrecision: 'day' });
    expect(screen.getByText('Next hearing: trial, Almaty City Court, 10 January 2022')).toBeTruthy();
  });

  it('exact, or from a read without the precision: with its hour', () => {
    renderNext(next);
    expect(
      screen.getByText('Next hearing: trial, Almaty City Court, 10 January 2022, 00:00 (Asia/Almaty)'),
    ).toBeTruthy();
  });
});
