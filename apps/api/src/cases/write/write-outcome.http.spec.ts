import { ApiException } from '../../common/api-exception';
import { WriteOutcome, type WriteResult } from './write-outcome';
import { httpAnswerOf } from './write-outcome.http';

const CASE_ID = '5b3c1c1e-0f7a-4f59-9d2e-0c6a4f6f1a11';

/** The error a non-success maps to, as the exception filter will render it. */
function errorOf(result: WriteResult, replayed = false): ApiException {
  const answer = httpAnswerOf(new WriteOutcome(result, replayed));
  if (!(answer instanceof ApiException)) throw new Error(`expected an error, got ${JSON.stringify(answer)}`);
  return answer;
}

function bodyOf(error: ApiException): Record<string, unknown> {
  return { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details };
}

describe('httpAnswerOf: a write outcome as HTTP', () => {
  const answer = { caseId: CASE_ID, version: 4, position: 91, hearingId: 'f1b2c3d4-0000-4000-8000-000000000001' };

  it('answers an append with 201, the answer as body and the version as ETag', () => {
    expect(httpAnswerOf(new WriteOutcome({ kind: 'appended', answer }, false))).toEqual({
      statusCode: 201,
      headers: { ETag: '"4"' },
      body: answer,
    });
  });

  it('marks a replayed append with Idempotent-Replayed: true, keeping status, ETag and body', () => {
    expect(httpAnswerOf(new WriteOutcome({ kind: 'appended', answer }, true))).toEqual({
      statusCode: 201,
      headers: { ETag: '"4"', 'Idempotent-Replayed': 'true' },
      body: answer,
    });
  });

  it('answers a case that is not there (or not the caller’s) with 404 NOT_FOUND', () => {
    const error = errorOf({ kind: 'not_found' });
    expect(bodyOf(error)).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such case', details: [] });
    expect(error.headers).toEqual({});
  });

  it('answers a version mismatch with 412 VERSION_MISMATCH, naming both versions', () => {
    expect(bodyOf(errorOf({ kind: 'version_mismatch', expected: 1, actual: 3 }))).toEqual({
      statusCode: 412,
      code: 'VERSION_MISMATCH',
      message: 'The case is at version 3, not 1; reload it and try again',
      details: [{ expectedVersion: 1, actualVersion: 3 }],
    });
  });

  it('says "unknown" when the store could not tell the actual version', () => {
    const error = errorOf({ kind: 'version_mismatch', expected: 2, actual: null });
    expect(error.message).toBe('The case is at version unknown, not 2; reload it and try again');
    expect(error.details).toEqual([{ expectedVersion: 2, actualVersion: null }]);
  });

  it('answers a domain rule’s refusal with 422 and the rule’s own code and message', () => {
    expect(bodyOf(errorOf({ kind: 'refused', code: 'CASE_NOT_CLOSED', message: 'The case is not closed' }))).toEqual({
      statusCode: 422,
      code: 'CASE_NOT_CLOSED',
      message: 'The case is not closed',
      details: [],
    });
  });

  it('answers a conflict after retries with 409 CONCURRENCY_CONFLICT', () => {
    expect(bodyOf(errorOf({ kind: 'conflict_after_retries' }))).toEqual({
      statusCode: 409,
      code: 'CONCURRENCY_CONFLICT',
      message: 'The case kept changing while we tried to record this; try again',
      details: [],
    });
  });

  it('answers a key used for another request with 422 IDEMPOTENCY_KEY_REUSED', () => {
    const error = errorOf({ kind: 'key_reused' });
    expect(bodyOf(error)).toEqual({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'This Idempotency-Key was already used for a different request',
      details: [],
    });
    expect(error.headers).toEqual({});
  });

  it('marks a replayed refusal with Idempotent-Replayed: true, and a fresh one with nothing', () => {
    const refusal: WriteResult = { kind: 'refused', code: 'CASE_CLOSED', message: 'The case is closed' };
    expect(errorOf(refusal, true).headers).toEqual({ 'Idempotent-Replayed': 'true' });
    expect(errorOf(refusal, false).headers).toEqual({});
    expect(errorOf({ kind: 'not_found' }, true).headers).toEqual({ 'Idempotent-Replayed': 'true' });
  });
});
