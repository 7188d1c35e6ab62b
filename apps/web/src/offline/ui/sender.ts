import type { ConsoleState } from '../../api/console-state';
import type { OutboxEntry, SendResult } from '../index';

/** `/v1/cases/{caseId}/detentions` with its parameters filled (syncOutbox has filled a queued intake's caseId). */
function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

async function bodyOf(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  return response.json().catch(() => null);
}

/**
 * Sends one outbox entry as the forms would have: its own Idempotency-Key (the entry's id, the same on every retry),
 * If-Match, the session's CSRF header. Not through the API client: a write of the outbox must never be kept in the
 * outbox again. A 2xx answer's position is remembered, so the reads that follow wait for it.
 */
export function outboxSender(
  state: ConsoleState,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): (entry: OutboxEntry, signal?: AbortSignal) => Promise<SendResult> {
  return async (entry, signal) => {
    const headers = new Headers({ 'Content-Type': 'application/json', 'Idempotency-Key': entry.id });
    if (entry.ifMatch !== undefined) headers.set('If-Match', `"${entry.ifMatch}"`);
    const csrf = state.csrfHeader();
    if (csrf !== null) headers.set(csrf.header, csrf.token);
    let response: Response;
    try {
      response = await fetchImpl(new URL(fillPath(entry.path, entry.pathParams), window.location.origin), {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify(entry.body ?? null),
        ...(signal !== undefined ? { signal } : {}),
      });
    } catch {
      return { kind: 'no-answer' };
    }
    const body = await bodyOf(response);
    if (response.ok && body !== null && typeof body === 'object' && 'position' in body) {
      if (typeof body.position === 'number') state.rememberPosition(body.position);
    }
    return { kind: 'answer', status: response.status, body };
  };
}
