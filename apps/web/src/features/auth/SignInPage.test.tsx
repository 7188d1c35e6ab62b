import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COORDINATOR, json, renderWithConsole } from '../../../test/render';
import { consoleState } from '../../api/client';
import type { ConsoleSession } from '../../api/types';
import { SignInPage } from './SignInPage';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly body: unknown;
  readonly credentials: RequestCredentials;
}

/** The network as the page's client sees it: each request recorded, each answer scripted. */
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
      credentials: input.credentials,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer scripted');
    return answer();
  });
  return sent;
}

function renderSignIn(): { signedIn: ConsoleSession[] } {
  const signedIn: ConsoleSession[] = [];
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/cases/:caseId', element: <p>the case page</p> },
    ],
    { initialEntries: ['/sign-in?next=%2Fcases%2Fabc'] },
  );
  renderWithConsole(<RouterProvider router={router} />, {
    session: { session: null, signedIn: (s) => signedIn.push(s), signOut: async () => undefined },
  });
  return { signedIn };
}

const unauthenticated = (code: string) => () => json(401, { statusCode: 401, code, message: 'no', details: [] });

afterEach(() => {
  vi.unstubAllGlobals();
  consoleState.clear();
});

describe('signing in', () => {
  it('asks for the one-time code when the API requires it, then signs in and goes where the person was going', async () => {
    const sent = network([unauthenticated('SECOND_FACTOR_REQUIRED'), () => json(200, COORDINATOR)]);
    const { signedIn } = renderSignIn();

    await userEvent.type(screen.getByLabelText(/^Email/), 'coordinator@example.org');
    await userEvent.type(screen.getByLabelText(/^Password/), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText(/^One-time code/);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('the case page')).toBeTruthy();
    expect(signedIn).toEqual([COORDINATOR]);
    expect(sent.map((s) => s.body)).toEqual([
      { email: 'coordinator@example.org', password: 'a long password' },
      { email: 'coordinator@example.org', password: 'a long password', otp: '123456' },
    ]);
    expect(sent.every((s) => s.method === 'POST' && s.url.endsWith('/v1/auth/session'))).toBe(true);
    expect(sent.every((s) => s.credentials === 'same-origin')).toBe(true);
  });

  it('says the email or password is wrong, in the person’s language, and stays on the page', async () => {
    network([unauthenticated('UNAUTHENTICATED')]);
    const { signedIn } = renderSignIn();
    await userEvent.type(screen.getByLabelText(/^Email/), 'coordinator@example.org');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The email or the password is wrong.');
    expect(signedIn).toEqual([]);
    expect(screen.queryByLabelText(/^One-time code/)).toBeNull();
  });

  it('checks the fields before asking the API', async () => {
    const sent = network([]);
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByText('Required').length).toBeGreaterThan(0));
    expect(sent).toEqual([]);
  });
});
