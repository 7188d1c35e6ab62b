import type { OutboxEntrySummary } from '../offline/index';
import { type KeepWrite, keepInOutbox, localCaseRef } from '../offline/ui/queue';
import type { ApiClient } from './client';
import { ApiError, NetworkError, toApiError } from './errors';
import type { Submission } from './submission';
import type { WriteAnswer, WriteBody, WritePath } from './types';

export interface WriteRequest<P extends WritePath> {
  readonly path: P;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly body: WriteBody<P>;
  /** The case's version the person was looking at: sent as If-Match, so a change made meanwhile is a 412, not lost. */
  readonly ifMatch?: number;
}

/** How often a write that got no answer is sent again, with the same key (the API records it once). */
const NETWORK_RETRIES = 2;

/**
 * The loose shape of the client's POST: every registered write is checked against the contract where it is defined
 * (`WriteBody<P>`); here one call sends any of them.
 */
type AnyPost = (
  url: string,
  init: { params: { path: Record<string, string>; header: Record<string, string> }; body: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** A write kept in this device's outbox (issue 18): it is sent when the connection returns. */
export interface QueuedWrite {
  readonly queued: OutboxEntrySummary;
}

/** What a form gets: the API's answer, or the write kept on this device for later. */
export type WriteOutcome = WriteAnswer | QueuedWrite;

export function isQueued(outcome: WriteOutcome): outcome is QueuedWrite {
  return typeof outcome.queued === 'object' && outcome.queued !== null && 'seq' in outcome.queued;
}

export interface WriteOptions {
  /** The outbox's case reference: default the path's caseId; `local:<id>` for an intake kept offline. */
  readonly caseRef?: string;
  /** The outbox id of a queued intake whose answer names this write's case. */
  readonly dependsOn?: string;
  /** Where a write without a connection goes (tests pass their own). */
  readonly keep?: KeepWrite;
}

/**
 * Sends one write of a form submission; resolves with the answer, or – without a connection (the browser offline, or
 * no answer after the retries) – with the write kept in the outbox, under the Idempotency-Key it may already have
 * been sent with (a request the server recorded before its answer was lost is then replayed, not recorded twice).
 * Rejects with an ApiError, or a NetworkError when the write could not be kept either (`notKept`).
 */
export async function sendWrite<P extends WritePath>(
  client: ApiClient,
  submission: Submission,
  request: WriteRequest<P>,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const post = client.POST as unknown as AnyPost;
  const key = submission.keyFor(request);
  const header: Record<string, string> = { 'Idempotency-Key': key };
  if (request.ifMatch !== undefined) header['If-Match'] = `"${request.ifMatch}"`;
  const keep = async (cause: unknown): Promise<QueuedWrite> => {
    const kept = await (options.keep ?? keepInOutbox)({
      id: key,
      caseRef: options.caseRef ?? request.pathParams.caseId ?? localCaseRef(key),
      path: request.path,
      pathParams: { ...request.pathParams },
      body: request.body,
      ...(request.ifMatch !== undefined ? { ifMatch: request.ifMatch } : {}),
      ...(options.dependsOn !== undefined ? { dependsOn: options.dependsOn } : {}),
    });
    if (kept === 'absent' || kept === 'locked') throw new NetworkError(cause, kept);
    submission.done();
    return { queued: kept };
  };
  // The browser knows it has no network: no request is made (it would only fail), the write is kept at once. A write
  // on a case whose opening is itself kept cannot be sent before that opening's answer names the case.
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline || options.dependsOn !== undefined) return keep(new Error('offline'));
  for (let attempt = 0; ; attempt += 1) {
    let result: Awaited<ReturnType<AnyPost>>;
    try {
      result = await post(request.path, { params: { path: { ...request.pathParams }, header }, body: request.body });
    } catch (cause) {
      if (attempt < NETWORK_RETRIES) continue;
      return keep(cause);
    }
    if (result.response.ok && result.data !== undefined) {
      submission.done();
      return result.data as WriteAnswer;
    }
    throw toApiError(result.response.status, result.error);
  }
}

export { ApiError };
