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
 * A JSON body as its value; a multipart one (an upload) as its text, parts and all (jsdom's File is not one Node's
 * fetch can read back, so the test reads the parts' names and values in the text).
 */
async function bodyOf(input: Request): Promise<unknown> {
  if (input.method === 'GET') return undefined;
  const text = await input.text();
  if ((input.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return text;
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Stands in for the API behind the console's one client (which calls the global fetch): each request is answered by
 * the first route whose method and path match, recorded, and anything unrouted is a 404 the test will notice.
 */
export function stubApi(routes: readonly Route[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    const call: Call = {
      method: input.method,
      path: url.pathname,
      query: url.searchParams,
      headers: input.headers,
      body: await bodyOf(input),
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
