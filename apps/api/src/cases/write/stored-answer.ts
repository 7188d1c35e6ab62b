import type { DomainErrorCode } from '@casetrack/domain';
import type { IdempotencyRecord } from './idempotency-record';
import type { CaseWriteAnswer, FirstAnswer } from './write-outcome';

export type StoredRecord = Pick<IdempotencyRecord, 'outcome' | 'statusCode' | 'response'>;

/** The first answer a record holds, whichever version of the write path stored it. */
export function storedAnswerOf(record: StoredRecord): FirstAnswer {
  return record.outcome ?? fromStatusAndBody(record.statusCode, record.response);
}

/**
 * Rows stored before outcomes were (migration 1764000001100) hold the status and body that were answered. Those
 * answers came from four places only, each read back into the outcome it was made from, so that the answer mapped
 * from it again is the one sent the first time: 201 (the body is the answer), 404 (the case does not exist or is not
 * the caller's), 412 (`details[0]` holds both versions) and 422 (a domain rule's code and message).
 */
function fromStatusAndBody(statusCode: number | null, body: Record<string, unknown> | null): FirstAnswer {
  if (statusCode === null || body === null) throw new Error('An idempotency record holds neither outcome nor answer');
  if (statusCode === 201) return { kind: 'appended', answer: body as CaseWriteAnswer };
  if (statusCode === 404) return { kind: 'not_found' };
  if (statusCode === 412) {
    const [versions] = body.details as Array<{ expectedVersion: number; actualVersion: number | null }>;
    return { kind: 'version_mismatch', expected: versions.expectedVersion, actual: versions.actualVersion };
  }
  if (statusCode === 422) return { kind: 'refused', code: body.code as DomainErrorCode, message: String(body.message) };
  throw new Error(`An idempotency record answered ${statusCode}, which no write ever stored`);
}
