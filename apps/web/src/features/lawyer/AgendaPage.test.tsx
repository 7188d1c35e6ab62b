import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_ID } from '../../../test/fixtures';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { fullCase, IDS } from '../../../test/write-fixtures';
import { AgendaPage } from './AgendaPage';

const LAWYER = {
  session: {
    user: {
      id: IDS.lawyerOnCase,
      email: 'lawyer@example.org',
      name: 'D. Seitkali',
      role: 'lawyer' as const,
      timeZone: 'Asia/Almaty',
      locale: 'en' as const,
    },
    csrf: { header: 'X-CSRF-Token' as const, token: 'csrf' },
  },
  signedIn: () => undefined,
  signOut: async () => undefined,
};

const AGENDA = {
  items: [
    {
      at: '2022-02-01T04:00:00.000Z',
      caseId: CASE_ID,
      fullName: 'Arman Zholatov',
      kind: 'hearing',
      hearing: { hearingId: IDS.hearing, kind: 'trial', court: 'Almaty City Court', scheduledAtPrecision: 'exact' },
    },
    {
      at: '2022-02-03T10:00:00.000Z',
      caseId: CASE_ID,
      fullName: 'Arman Zholatov',
      kind: 'measure_ends',
      measure: { measure: 'pretrial_detention', until: '2022-02-03T10:00:00.000Z' },
    },
    {
      at: '2022-02-04T10:00:00.000Z',
      caseId: CASE_ID,
      fullName: 'Arman Zholatov',
      kind: 'deadline',
      deadline: {
        ruleSetId: 'kz',
        ruleSetVersion: '2026-12-01',
        ruleId: 'kz.detention.court-decision-48h',
        fact: 'detention',
        from: '2022-02-02T10:00:00.000Z',
        dueAt: '2022-02-04T10:00:00.000Z',
        precision: 'exact',
        remind: 'lawyers',
        name: {
          en: '48 hours since detention: a court decision on custody is due',
          ru: '48 часов с момента задержания: срок решения суда о мере пресечения',
          kk: 'Ұстаған сәттен бастап 48 сағат: бұлтартпау шарасы туралы сот шешімінің мерзімі',
        },
        source: {
          article: 'Criminal Procedure Code, art. 14 part 2',
          title: 'Criminal Procedure Code of the Republic of Kazakhstan of 4 July 2014 No. 231-V',
          url: 'https://adilet.zan.kz/eng/docs/K1400000231',
        },
        overdue: true,
      },
    },
    {
      // Known to the day only: 6 February in Almaty, stored as that day's midnight there.
      at: '2022-02-05T19:00:00.000Z',
      caseId: CASE_ID,
      fullName: 'Bolat Nurlanov',
      kind: 'hearing',
      hearing: { hearingId: IDS.hearing, kind: 'appeal', court: 'Almaty City Court', scheduledAtPrecision: 'day' },
    },
  ],
};

function renderAgenda(): ReturnType<typeof stubApi> {
  const calls = stubApi([
    ['GET', '/v1/agenda', () => json(200, AGENDA)],
    ['GET', '/v1/cases', () => json(200, { items: [], total: 0, page: 1, pageSize: 50 })],
    ['GET', `/v1/cases/${CASE_ID}`, () => json(200, fullCase())],
    [
      'POST',
      /\/outcome$|\/preventive-measures\/extend$/,
      () => json(201, { caseId: CASE_ID, version: 13, position: 901 }, { ETag: '"13"' }),
    ],
  ]);
  renderWithConsole(
    <MemoryRouter>
      <AgendaPage />
    </MemoryRouter>,
    { session: LAWYER },
  );
  return calls;
}

describe('the agenda', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a deadline by law: the rule in the reader’s language with its article, overdue once passed', async () => {
    renderAgenda();
    const row = (await screen.findAllByRole('row'))[3]!;
    expect(
      within(row).getByText(
        '48 hours since detention: a court decision on custody is due (Criminal Procedure Code, art. 14 part 2)',
      ),
    ).toBeTruthy();
    expect(within(row).getByText('overdue')).toBeTruthy();
  });

  it('lists the deadlines soonest first, in the lawyer’s zone, with the write each calls for', async () => {
    const calls = renderAgenda();
    const rows = (await screen.findAllByRole('row')).slice(1, 3);
    expect(within(rows[0]!).getByText('Hearing: trial, Almaty City Court')).toBeTruthy();
    expect(within(rows[0]!).getByText('1 February 2022, 10:00 (Asia/Almaty)')).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: 'Record outcome: Arman Zholatov' })).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Extend: Arman Zholatov' })).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Release: Arman Zholatov' })).toBeTruthy();
    // "My cases" are the lawyer's own.
    expect(calls.find((c) => c.path === '/v1/cases')?.query.get('lawyerId')).toBe(IDS.lawyerOnCase);
  });

  it('a hearing known to the day only shows its date in the lawyer’s zone, and no hour', async () => {
    renderAgenda();
    const row = (await screen.findAllByRole('row'))[4]!;
    expect(within(row).getByText('Hearing: appeal, Almaty City Court')).toBeTruthy();
    const when = within(row).getAllByRole('cell')[0]!;
    expect(when.textContent).toBe('6 February 2022');
    expect(within(row).getByRole('button', { name: 'Record outcome: Bolat Nurlanov' })).toBeTruthy();
  });

  it('records a hearing’s outcome in one dialog: the hearing is chosen, the body is the contract’s', async () => {
    const calls = renderAgenda();
    await userEvent.click(await screen.findByRole('button', { name: 'Record outcome: Arman Zholatov' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hearing outcome: Arman Zholatov' });
    expect((within(dialog).getByLabelText(/Hearing/, { selector: 'select' }) as HTMLSelectElement).value).toBe(
      IDS.hearing,
    );
    await userEvent.type(within(dialog).getByLabelText(/^Outcome/), 'Detention extended by two months');
    await userEvent.type(within(dialog).getByLabelText('Duration in minutes'), '40');
    await userEvent.selectOptions(within(dialog).getByLabelText('Was the defendant heard?'), 'no');
    await userEvent.selectOptions(within(dialog).getByLabelText('Was a lawyer present?'), 'yes');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the outcome' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/v1/cases/${CASE_ID}/hearings/${IDS.hearing}/outcome`);
    expect(post.body).toEqual({
      outcome: 'Detention extended by two months',
      durationMinutes: 40,
      defendantHeard: false,
      lawyerPresent: true,
    });
    // The version the lawyer was looking at, and one key for this submission.
    expect(post.headers.get('If-Match')).toBe(`"${fullCase().version}"`);
    expect(post.headers.get('Idempotency-Key')).toMatch(/.+/);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
