/**
 * Idempotency records as the write path stored them before it stored outcomes (migration 1764000001100): the HTTP
 * status and the body answered. Captured from a database that write path wrote, with the request each answered.
 */
export const CASE_ID = 'd7e88071-73e6-8315-a463-225991334614';
export const OLD_ROWS = [
  {
    key: 'k-charge',
    route: `POST /v1/cases/${CASE_ID}/charges`,
    body: { code: 'criminal', article: '272', part: '2', title: 'Mass riots' },
    statusCode: 201,
    response: { caseId: CASE_ID, version: 2, chargeId: '568e3d24-b2c1-8af8-b2a9-662bf6b00595', position: 2 },
  },
  {
    key: 'k-404',
    route: 'POST /v1/cases/0b6f2a4e-1111-4222-8333-944455556666/notes',
    body: { text: 'x' },
    statusCode: 404,
    response: { code: 'NOT_FOUND', details: [], message: 'No such case', statusCode: 404 },
  },
  {
    key: 'k-412',
    route: `POST /v1/cases/${CASE_ID}/notes`,
    body: { text: 'y' },
    statusCode: 412,
    response: {
      code: 'VERSION_MISMATCH',
      details: [{ actualVersion: 3, expectedVersion: 1 }],
      message: 'The case is at version 3, not 1; reload it and try again',
      statusCode: 412,
    },
  },
  {
    key: 'k-422',
    route: `POST /v1/cases/${CASE_ID}/reopen`,
    body: { reason: 'z' },
    statusCode: 422,
    response: { code: 'CASE_NOT_CLOSED', details: [], message: 'The case is not closed', statusCode: 422 },
  },
];
