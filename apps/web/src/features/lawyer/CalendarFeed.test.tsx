import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { CalendarFeed } from './CalendarFeed';

const URL_ONCE = 'https://casetrack.example.org/v1/calendar/3q2-secret.ics';

describe('the calendar feed', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the new URL once, to copy, and never again after the page is left', async () => {
    const calls = stubApi([['POST', '/v1/users/me/calendar-feed', () => json(201, { url: URL_ONCE })]]);
    const first = renderWithConsole(<CalendarFeed />);
    expect(screen.queryByLabelText('Feed address')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Create a new feed address' }));
    const field = await screen.findByLabelText('Feed address');
    expect((field as HTMLInputElement).value).toBe(URL_ONCE);
    expect((field as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    first.unmount();
    renderWithConsole(<CalendarFeed />);
    expect(screen.queryByLabelText('Feed address')).toBeNull();
    expect(screen.queryByText(URL_ONCE)).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('revokes it: the URL disappears and the page says the address no longer works', async () => {
    const calls = stubApi([
      ['POST', '/v1/users/me/calendar-feed', () => json(201, { url: URL_ONCE })],
      ['DELETE', '/v1/users/me/calendar-feed', () => new Response(null, { status: 204 })],
    ]);
    renderWithConsole(<CalendarFeed />);
    await userEvent.click(screen.getByRole('button', { name: 'Create a new feed address' }));
    await screen.findByLabelText('Feed address');
    await userEvent.click(screen.getByRole('button', { name: 'Revoke the feed' }));

    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'The feed is revoked: its address no longer works.',
    );
    expect(screen.queryByLabelText('Feed address')).toBeNull();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1/users/me/calendar-feed',
      'DELETE /v1/users/me/calendar-feed',
    ]);
  });
});
