import { OFFLINE_HEADER } from './constants';
import type { OfflineVault } from './types';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CASE_READ = new RegExp(`^/v1/cases/${UUID}(/timeline)?$`);
const SESSION = '/v1/auth/session';

/** The URLs of the offline set: the session, the users lists, a caseload list, a case's detail and timeline. */
export function isOfflineSetUrl(url: URL): boolean {
  const path = url.pathname;
  if (path === SESSION || path === '/v1/users') return true;
  // The caseload (a lawyer's cases), never a name search: a list by typed text is not part of the offline set.
  if (path === '/v1/cases') return url.searchParams.has('lawyerId') && !url.searchParams.has('q');
  return CASE_READ.test(path);
}

/** What of an answer is kept: the session without its CSRF token (the API says: memory only, never storage). */
export function storable(path: string, body: unknown): unknown {
  if (path !== SESSION || typeof body !== 'object' || body === null) return body;
  const { csrf: _csrf, ...rest } = body as Record<string, unknown>;
  return rest;
}

function describe(input: RequestInfo | URL, init?: RequestInit): { method: string; url: URL } {
  const base = typeof location === 'undefined' ? 'http://localhost' : location.href;
  // Not `instanceof`: a URL or Request of another realm (a test's jsdom) is still one.
  if (typeof input === 'string' || !('method' in input)) {
    return { method: (init?.method ?? 'GET').toUpperCase(), url: new URL(String(input), base) };
  }
  return { method: (init?.method ?? input.method).toUpperCase(), url: new URL(input.url, base) };
}

/** A cancelled request (of any realm: a DOMException is not always an Error). */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function offlineFetch(
  inner: typeof fetch,
  vault: OfflineVault,
  isCacheable: (url: URL) => boolean,
): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { method, url } = describe(input, init);
    if (method !== 'GET') return inner(input, init);
    const key = url.pathname + url.search;
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      if (isAbort(error) || !isCacheable(url) || vault.state() !== 'unlocked') throw error;
      const cached = await vault.getAnswer(key).catch(() => null);
      if (cached === null) throw error;
      return new Response(JSON.stringify(cached.body), {
        status: 200,
        headers: { 'Content-Type': 'application/json', [OFFLINE_HEADER]: cached.savedAt },
      });
    }
    const json = (response.headers.get('Content-Type') ?? '').includes('json');
    if (response.ok && json && isCacheable(url) && vault.state() === 'unlocked') {
      try {
        await vault.putAnswer(key, storable(url.pathname, await response.clone().json()));
      } catch {
        // Not kept (locked meanwhile, storage full, a body that is not JSON): the answer itself still goes through.
      }
    }
    return response;
  };
}
