import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { ConsoleState } from './console-state';
import { errorMessage } from '../shared/ErrorAlert';
import { NetworkError } from './errors';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly credentials: RequestCredentials;
}

/** A stand-in for the network that records each request and answers from a script. */
function fakeNetwork(answers: Array<(request: Request) => Response>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    seen.push({ method: request.method, url: request.url, headers: request.headers, credentials: request.credentials });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer scripted');
    return answer(request);
  };
  return { fetch: fetchImpl as typeof fetch, seen };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';

describe('the console client', () => {
  it('names a request without an answer a NetworkError (every page then says: no connection), not an abort', async () => {
    const unreachable = createApiClient(new ConsoleState(), (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const failure: unknown = await unreachable.GET('/v1/hearings').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(
      errorMessage(
        failure,
        (key) => key,
        () => true,
      ),
    ).toBe('console.error.network');

    const cancelled = createApiClient(new ConsoleState(), (async () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }) as typeof fetch);
    const abort: unknown = await cancelled.GET('/v1/hearings').catch((error: unknown) => error);
    expect(abort).not.toBeInstanceOf(NetworkError);
    expect((abort as Error).name).toBe('AbortError');
  });

  it('sends the CSRF header on changes only, and same-origin credentials always', async () => {
    const state = new ConsoleState();
    state.setCsrf({ header: 'X-CSRF-Token', token: 'token-1' });
    const net = fakeNetwork([
      () => json(200, { items: [] }),
      () => json(201, { caseId: CASE, version: 2, position: 7 }),
    ]);
    const client = createApiClient(state, net.fetch);

    await client.GET('/v1/hearings');
    await client.POST('/v1/cases/{caseId}/notes', { params: { path: { caseId: CASE } }, body: { text: 'x' } });

    expect(net.seen[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(net.seen[1]?.headers.get('X-CSRF-Token')).toBe('token-1');
    expect(net.seen.map((s) => s.credentials)).toEqual(['same-origin', 'same-origin']);
  });

  it('remembers the position a write answered and sends it as X-Min-Position on the following reads', async () => {
    const state = new ConsoleState();
    const net = fakeNetwork([
      () => json(200, { items: [] }),
      () => json(201, { caseId: CASE, version: 3, position: 41 }),
      () => json(200, { items: [] }),
      () => json(201, { caseId: CASE, version: 4, position: 12 }),
      () => json(200, { items: [] }),
    ]);
    const client = createApiClient(state, net.fetch);

    await client.GET('/v1/hearings');
    await client.POST('/v1/cases/{caseId}/notes', { params: { path: { caseId: CASE } }, body: { text: 'x' } });
    await client.GET('/v1/hearings');
    // An older position answered late never lowers the bound.
    await client.POST('/v1/cases/{caseId}/notes', { params: { path: { caseId: CASE } }, body: { text: 'y' } });
    await client.GET('/v1/hearings');

    expect(net.seen.map((s) => s.headers.get('X-Min-Position'))).toEqual([null, null, '41', null, '41']);
  });

  it('does not take a position from a refused write', async () => {
    const state = new ConsoleState();
    const net = fakeNetwork([
      () => json(422, { statusCode: 422, code: 'CASE_CLOSED', message: 'closed', details: [], position: 99 }),
      () => json(200, { items: [] }),
    ]);
    const client = createApiClient(state, net.fetch);
    await client.POST('/v1/cases/{caseId}/notes', { params: { path: { caseId: CASE } }, body: { text: 'x' } });
    await client.GET('/v1/hearings');
    expect(net.seen[1]?.headers.get('X-Min-Position')).toBeNull();
  });

  it('gives every change an Idempotency-Key and keeps the one a form set', async () => {
    const state = new ConsoleState();
    const net = fakeNetwork([
      () => json(201, { caseId: CASE, version: 2, position: 7 }),
      () => json(201, { caseId: CASE, version: 3, position: 8 }),
    ]);
    const client = createApiClient(state, net.fetch);
    await client.POST('/v1/cases/{caseId}/notes', { params: { path: { caseId: CASE } }, body: { text: 'x' } });
    await client.POST('/v1/cases/{caseId}/notes', {
      params: { path: { caseId: CASE }, header: { 'Idempotency-Key': 'form-key' } },
      body: { text: 'y' },
    });
    expect(net.seen[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(net.seen[1]?.headers.get('Idempotency-Key')).toBe('form-key');
  });
});
