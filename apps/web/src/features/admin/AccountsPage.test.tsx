import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { AccountsPage } from './AccountsPage';

const ADMIN_ID = '00000000-0000-4000-8000-0000000000ad';
const LAWYER_ID = '00000000-0000-4000-8000-0000000000aa';
const ADMIN = {
  session: {
    user: {
      id: ADMIN_ID,
      email: 'admin@example.org',
      name: 'Admin',
      role: 'admin' as const,
      timeZone: 'UTC',
      locale: 'en' as const,
    },
    csrf: { header: 'X-CSRF-Token' as const, token: 'csrf' },
  },
  signedIn: () => undefined,
  signOut: async () => undefined,
};
const RESET_URL = 'https://casetrack.example.org/password-reset#one-time-token';

function accounts(disabled: boolean) {
  return {
    items: [
      { id: ADMIN_ID, email: 'admin@example.org', name: 'Admin', role: 'admin', timeZone: 'UTC', disabled: false },
      { id: LAWYER_ID, email: 'd@example.org', name: 'D. Seitkali', role: 'lawyer', timeZone: 'Asia/Almaty', disabled },
    ],
  };
}

describe('the accounts page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists every account, disabled ones too, and disables a lawyer (never the admin themself)', async () => {
    let disabled = false;
    const calls = stubApi([
      ['GET', '/v1/users', () => json(200, accounts(disabled))],
      [
        'POST',
        `/v1/users/${LAWYER_ID}/disable`,
        () => {
          disabled = true;
          return json(200, { id: LAWYER_ID, disabled: true });
        },
      ],
    ]);
    renderWithConsole(<AccountsPage />, { session: ADMIN });
    await screen.findByText('D. Seitkali');
    expect(calls[0]!.query.get('includeDisabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Disable Admin' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Disable D. Seitkali' }));
    expect(await screen.findByRole('button', { name: 'Enable D. Seitkali' })).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: 'D. Seitkali' }).closest('tr')!;
    expect(within(row).getByText('disabled')).toBeTruthy();
  });

  it('makes a password-reset link only when asked, and shows it this once', async () => {
    const calls = stubApi([
      ['GET', '/v1/users', () => json(200, accounts(false))],
      [
        'POST',
        `/v1/users/${LAWYER_ID}/password-reset`,
        () => json(201, { url: RESET_URL, expiresAt: '2026-12-01T03:00:00.000Z' }),
      ],
    ]);
    renderWithConsole(<AccountsPage />, { session: ADMIN });
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password: D. Seitkali' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the password of D. Seitkali' });
    // Opening the dialog changes nothing: making the link ends the person's sessions, so it waits for the button.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make the link' }));

    const link = (await within(dialog).findByLabelText('One-time link')) as HTMLInputElement;
    expect(link.value).toBe(RESET_URL);
    expect(within(dialog).getByText('It is shown only this once and works once.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Make the link' })).toBeNull();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByDisplayValue(RESET_URL)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Reset password: D. Seitkali' }));
    expect(await screen.findByRole('button', { name: 'Make the link' })).toBeTruthy();
    expect(screen.queryByDisplayValue(RESET_URL)).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('changes a role and a time zone with only what changed', async () => {
    const calls = stubApi([
      ['GET', '/v1/users', () => json(200, accounts(false))],
      [
        'PATCH',
        `/v1/users/${LAWYER_ID}`,
        () => json(200, { ...accounts(false).items[1], locale: 'kk', role: 'coordinator' }),
      ],
    ]);
    renderWithConsole(<AccountsPage />, { session: ADMIN });
    await userEvent.click(await screen.findByRole('button', { name: 'Change: D. Seitkali' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'coordinator');
    await userEvent.selectOptions(within(dialog).getByLabelText('Language'), 'kk');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ role: 'coordinator', locale: 'kk' });
  });
});
