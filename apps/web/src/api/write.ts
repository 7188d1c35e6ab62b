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

/** Sends one write of a form submission; resolves with the answer or rejects with an ApiError or a NetworkError. */
export async function sendWrite<P extends WritePath>(
  client: ApiClient,
  submission: Submission,
  request: WriteRequest<P>,
): Promise<WriteAnswer> {
  const post = client.POST as unknown as AnyPost;
  const header: Record<string, string> = { 'Idempotency-Key': submission.keyFor(request) };
  if (request.ifMatch !== undefined) header['If-Match'] = `"${request.ifMatch}"`;
  for (let attempt = 0; ; attempt += 1) {
    let result: Awaited<ReturnType<AnyPost>>;
    try {
      result = await post(request.path, { params: { path: { ...request.pathParams }, header }, body: request.body });
    } catch (cause) {
      if (attempt < NETWORK_RETRIES) continue;
      throw new NetworkError(cause);
    }
    if (result.response.ok && result.data !== undefined) {
      submission.done();
      return result.data as WriteAnswer;
    }
    throw toApiError(result.response.status, result.error);
  }
}

export { ApiError };
