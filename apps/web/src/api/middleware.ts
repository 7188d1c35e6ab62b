import type { Middleware } from 'openapi-fetch';
import type { ConsoleState } from './console-state';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafe(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Cookie-authenticated changes carry the CSRF header the session answer named; reads need none. */
export function csrfMiddleware(state: ConsoleState): Middleware {
  return {
    onRequest({ request }) {
      const csrf = state.csrfHeader();
      if (csrf !== null && isUnsafe(request.method)) request.headers.set(csrf.header, csrf.token);
      return request;
    },
  };
}

/**
 * A change without an Idempotency-Key gets one, so that no write can ever be recorded twice by a network retry; forms
 * set their own, made once per submission (see submission.ts), and this never replaces it.
 */
export function idempotencyMiddleware(makeKey: () => string = () => crypto.randomUUID()): Middleware {
  return {
    onRequest({ request }) {
      if (isUnsafe(request.method) && !request.headers.has('Idempotency-Key')) {
        request.headers.set('Idempotency-Key', makeKey());
      }
      return request;
    },
  };
}

/**
 * Read-your-writes: a successful write's `position` is remembered, and every later read asks the API to wait until
 * its read models include it (X-Min-Position), so the person never sees their own fact missing.
 */
export function positionMiddleware(state: ConsoleState): Middleware {
  return {
    onRequest({ request }) {
      const position = state.minPosition();
      if (!isUnsafe(request.method) && position > 0 && !request.headers.has('X-Min-Position')) {
        request.headers.set('X-Min-Position', String(position));
      }
      return request;
    },
    async onResponse({ request, response }) {
      if (!isUnsafe(request.method) || !response.ok) return response;
      if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (body !== null && typeof body === 'object' && 'position' in body && typeof body.position === 'number') {
        state.rememberPosition(body.position);
      }
      return response;
    },
  };
}
