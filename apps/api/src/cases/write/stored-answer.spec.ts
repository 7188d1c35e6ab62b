import { OLD_ROWS } from '../../../../../test/write/old-idempotency-rows';
import { storedAnswerOf } from './stored-answer';

/** Old rows by the status they answered; see test/write/old-idempotency-rows.ts. */
const [appended, notFound, versionMismatch, refused] = OLD_ROWS;
const OLD = { appended, notFound, versionMismatch, refused };

describe('storedAnswerOf: the first answer an idempotency record holds', () => {
  it('reads a record stored as an outcome as it is', () => {
    const outcome = { kind: 'refused', code: 'CASE_CLOSED', message: 'The case is closed' } as const;
    expect(storedAnswerOf({ outcome, statusCode: null, response: null })).toEqual(outcome);
  });

  it('reads an old 201 record as the append it answered, its body the answer with every field', () => {
    expect(storedAnswerOf({ outcome: null, ...OLD.appended })).toEqual({
      kind: 'appended',
      answer: OLD.appended.response,
    });
  });

  it('reads an old 404 record as not found', () => {
    expect(storedAnswerOf({ outcome: null, ...OLD.notFound })).toEqual({ kind: 'not_found' });
  });

  it('reads an old 412 record as the version mismatch its details name', () => {
    expect(storedAnswerOf({ outcome: null, ...OLD.versionMismatch })).toEqual({
      kind: 'version_mismatch',
      expected: 1,
      actual: 3,
    });
  });

  it('reads an old 422 record as the refusal of the rule it names', () => {
    expect(storedAnswerOf({ outcome: null, ...OLD.refused })).toEqual({
      kind: 'refused',
      code: 'CASE_NOT_CLOSED',
      message: 'The case is not closed',
    });
  });

  it('refuses a record with neither an outcome nor an answer, and a status no write stored', () => {
    expect(() => storedAnswerOf({ outcome: null, statusCode: null, response: null })).toThrow(/neither/);
    expect(() => storedAnswerOf({ outcome: null, statusCode: 409, response: {} })).toThrow(/409/);
  });
});
