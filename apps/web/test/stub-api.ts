import { vi } from 'vitest';

/** One request the console sent, as the API would read it. */
export interface Call {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: unknown;
}

export type Route = readonly [method: string, path: string | RegExp, answer: (call: Call) => Response];

/**
 * Stands in for the API behind the console's one client (which calls the global fetch): each request is answered by
 * the first route whose method and path match, recorded, and anything unrouted is a 404 the test will notice.
 */
export function stubApi(routes: readonly Route[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    const text = input.method === 'GET' ? '' : await input.text();
    const call: Call = {
      method: input.method,
      path: url.pathname,
      query: url.searchParams,
      headers: input.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    calls.push(call);
    const route = routes.find(
      ([method, path]) =>
        method === call.method && (typeof path === 'string' ? path === call.path : path.test(call.path)),
    );
    if (route === undefined) {
      return new Response(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: '', details: [] }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
    return route[2](call);
  });
  return calls;
}
