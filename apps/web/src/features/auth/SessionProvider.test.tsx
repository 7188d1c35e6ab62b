import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COORDINATOR, json } from '../../../test/render';
import { consoleState } from '../../api/client';
import { SessionProvider } from './SessionProvider';
import { useSession } from './session-context';

function Who(): ReactNode {
  const { session, signOut } = useSession();
  return (
    <>
      <p>{session === null ? 'signed out' : `signed in as ${session.user.name}`}</p>
      <button type="button" onClick={() => void signOut()}>
        sign out
      </button>
    </>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  consoleState.clear();
});

describe('the session provider', () => {
  it('hands out no session as soon as sign-out is answered, and keeps nothing else read under it', async () => {
    const methods: string[] = [];
    vi.stubGlobal('fetch', async (input: Request) => {
      methods.push(input.method);
      return input.method === 'GET' ? json(200, COORDINATOR) : new Response(null, { status: 204 });
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(['cases', 'list'], { items: ['read under the session'] });
    render(
      <QueryClientProvider client={queryClient}>
        <SessionProvider fallback={<p>loading</p>}>
          <Who />
        </SessionProvider>
      </QueryClientProvider>,
    );
    await screen.findByText(`signed in as ${COORDINATOR.user.name}`);

    await userEvent.click(screen.getByRole('button', { name: 'sign out' }));

    await waitFor(() => expect(screen.getByText('signed out')).toBeTruthy());
    expect(methods).toEqual(['GET', 'DELETE']);
    expect(queryClient.getQueryData(['cases', 'list'])).toBeUndefined();
  });
});
