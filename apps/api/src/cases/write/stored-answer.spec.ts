import { storedAnswerOf } from './stored-answer';

/** Rows as the write path stored them before outcomes were (status and body), copied from a database it wrote. */
const CASE_ID = 'd7e88071-73e6-8315-a463-225991334614';
const OLD = {
  appended: {
    statusCode: 201,
    response: { caseId: CASE_ID, version: 2, chargeId: '568e3d24-b2c1-8af8-b2a9-662bf6b00595', position: 2 },
  },
  notFound: { statusCode: 404, response: { code: 'NOT_FOUND', details: [], message: 'No such case', statusCode: 404 } },
  versionMismatch: {
    statusCode: 412,
    response: {
      code: 'VERSION_MISMATCH',
      details: [{ actualVersion: 3, expectedVersion: 1 }],
      message: 'The case is at version 3, not 1; reload it and try again',
      statusCode: 412,
    },
  },
  refused: {
    statusCode: 422,
    response: { code: 'CASE_NOT_CLOSED', details: [], message: 'The case is not closed', statusCode: 422 },
  },
};

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
