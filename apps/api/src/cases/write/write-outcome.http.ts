import { ApiException } from '../../common/api-exception';
import type { CaseWriteAnswer, WriteOutcome } from './write-outcome';

/** A write's success as HTTP: status, headers and body. */
export interface HttpWriteAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: CaseWriteAnswer;
}

/**
 * The one place a write's outcome becomes HTTP. A success answers 201 with `ETag: "<version>"`; anything else is an
 * ApiException, whose body the exception filter builds. A replayed first answer says so: `Idempotent-Replayed: true`.
 */
export function httpAnswerOf(outcome: WriteOutcome): HttpWriteAnswer | ApiException {
  const headers: Record<string, string> = outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {};
  const { result } = outcome;
  switch (result.kind) {
    case 'appended':
      return { statusCode: 201, headers: { ETag: `"${result.answer.version}"`, ...headers }, body: result.answer };
    case 'not_found':
      return new ApiException(404, 'NOT_FOUND', 'No such case', [], headers);
    case 'version_mismatch':
      return new ApiException(
        412,
        'VERSION_MISMATCH',
        `The case is at version ${result.actual ?? 'unknown'}, not ${result.expected}; reload it and try again`,
        [{ expectedVersion: result.expected, actualVersion: result.actual }],
        headers,
      );
    case 'refused':
      // A merge's survivor that is missing or hidden is a case not found, as the contract says; other rules are 422.
      return new ApiException(
        result.code === 'MERGE_TARGET_NOT_FOUND' ? 404 : 422,
        result.code,
        result.message,
        [],
        headers,
      );
    case 'conflict_after_retries':
      return new ApiException(
        409,
        'CONCURRENCY_CONFLICT',
        'The case kept changing while we tried to record this; try again',
        [],
        headers,
      );
    case 'key_reused':
      return new ApiException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request',
        [],
        headers,
      );
    default:
      return unknownOutcome(result);
  }
}

function unknownOutcome(result: never): never {
  throw new Error(`A write outcome with no HTTP answer: ${JSON.stringify(result)}`);
}
