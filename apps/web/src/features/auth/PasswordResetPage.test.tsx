import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithConsole } from '../../../test/render';
import { consoleState } from '../../api/client';
import { PasswordResetPage } from './PasswordResetPage';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly body: unknown;
}

const TOKEN = 'k3Y-one-time_token.value';

/** Every request the page makes, each answered from the script in turn. */
function network(answers: Array<() => Response>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    sent.push({
      url: input.url,
      method: input.method,
      body: await input
        .clone()
        .json()
        .catch(() => null),
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer scripted');
    return answer();
  });
  return sent;
}

function renderReset(entry = `/password-reset#${TOKEN}`) {
  const router = createMemoryRouter(
    [
      { path: '/password-reset', element: <PasswordResetPage /> },
      { path: '/sign-in', element: <p>the sign-in page</p> },
    ],
    { initialEntries: [entry] },
  );
  // No session: the page is public.
  renderWithConsole(<RouterProvider router={router} />, {
    session: { session: null, signedIn: () => undefined, signOut: async () => undefined },
  });
  return router;
}

async function fill(password: string, repeat: string = password): Promise<void> {
  await userEvent.type(screen.getByLabelText(/^New password/), password);
  await userEvent.type(screen.getByLabelText(/^The new password again/), repeat);
  await userEvent.click(screen.getByRole('button', { name: 'Set the password' }));
}

const refused =
  (status: number, code: string, details: Array<{ field: string; message: string }> = []) =>
  () =>
    json(status, { statusCode: status, code, message: 'no', details });

afterEach(() => {
  vi.unstubAllGlobals();
  consoleState.clear();
});

describe('the password-reset page', () => {
  it('takes the token out of the address bar at once, sends it only to the reset route, then leads to sign-in', async () => {
    const sent = network([() => new Response(null, { status: 204 })]);
    const router = renderReset();
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(router.state.location.pathname).toBe('/password-reset');
    expect(sent).toEqual([]);

    await fill('a long enough passphrase');
    await screen.findByText('Your password is set');
    expect(sent).toEqual([
      {
        url: `${window.location.origin}/v1/auth/password-reset`,
        method: 'POST',
        body: { token: TOKEN, newPassword: 'a long enough passphrase' },
      },
    ]);
    await userEvent.click(screen.getByRole('link', { name: 'Go to sign-in' }));
    await screen.findByText('the sign-in page');
  });

  it('asks for the password twice and at least 12 characters before sending anything', async () => {
    const sent = network([]);
    renderReset();
    await fill('short', 'short');
    expect(await screen.findByText('At least 12 characters')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText(/^New password/));
    await userEvent.clear(screen.getByLabelText(/^The new password again/));
    await fill('a long enough passphrase', 'a long enough passphrasf');
    expect(await screen.findByText('The two passwords differ')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('says a used or expired link no longer works', async () => {
    network([refused(422, 'PASSWORD_RESET_INVALID')]);
    renderReset();
    await fill('a long enough passphrase');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This link no longer works (used, expired or replaced by a newer one)',
    );
  });

  it('shows the API’s refusal of a weak password on the field', async () => {
    network([refused(400, 'VALIDATION_FAILED', [{ field: 'newPassword', message: 'This password is too common' }])]);
    renderReset();
    await fill('password1234');
    expect(await screen.findByText('This password is too common')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without a token, says the link is incomplete and offers sign-in, sending nothing', async () => {
    const sent = network([]);
    renderReset('/password-reset');
    expect((await screen.findByRole('alert')).textContent).toContain('This link is incomplete');
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
