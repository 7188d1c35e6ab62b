import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_ID } from '../../../test/fixtures';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { AccessLogPage } from './AccessLogPage';

const READER = '00000000-0000-4000-8000-0000000000b1';

describe('the access log', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists who read which case when, and filters by person and by case through the URL', async () => {
    const calls = stubApi([
      [
        'GET',
        '/v1/audit/access',
        () =>
          json(200, {
            items: [
              {
                caseId: CASE_ID,
                userId: READER,
                userRole: 'lawyer',
                view: 'dossier',
                accessedAt: '2022-02-01T04:00:00.000Z',
                filter: null,
                caseCount: null,
              },
              {
                caseId: null,
                userId: READER,
                userRole: 'lawyer',
                view: 'export',
                accessedAt: '2022-02-01T03:00:00.000Z',
                filter: { format: 'csv' },
                caseCount: 12,
              },
            ],
            total: 2,
            page: 1,
            pageSize: 50,
          }),
      ],
    ]);
    renderWithConsole(
      <MemoryRouter>
        <AccessLogPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Dossier')).toBeTruthy();
    expect(screen.getByText('Export (12 cases)')).toBeTruthy();
    expect(screen.getByText('1 February 2022, 10:00 (Asia/Almaty)')).toBeTruthy();

    await userEvent.click(screen.getAllByRole('link', { name: /\(lawyer\)$/ })[0]!);
    await waitFor(() => expect(calls.at(-1)!.query.get('userId')).toBe(READER));
    expect((screen.getByLabelText("Person's account id") as HTMLInputElement).value).toBe(READER);

    await userEvent.type(screen.getByLabelText('Case id'), 'not-an-id');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(screen.getByText('Enter a full id (36 characters)')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Case id'));
    await userEvent.type(screen.getByLabelText('Case id'), CASE_ID);
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(calls.at(-1)!.query.get('caseId')).toBe(CASE_ID));
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });
});
