import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, post } from '../support/e2e';

/**
 * Random and malformed bodies against every write endpoint: each must be answered with a 4xx and the
 * contract's error body, never a 5xx, and nothing may be appended. 1,000 runs per endpoint (PROPERTY_RUNS overrides).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** Each write route with the field names its body knows, so the generator can also hit known fields with junk. */
const ENDPOINTS: Array<{ path: string; fields: string[] }> = [
  { path: '/v1/cases', fields: ['detainee', 'source', 'occurredAt', 'occurredAtPrecision'] },
  {
    path: '/v1/cases/:caseId/identity',
    fields: ['fullName', 'birthDate', 'birthYear', 'sex', 'city', 'occupation', 'publicRoles', 'vulnerabilities'],
  },
  { path: '/v1/cases/:caseId/name-variants', fields: ['variants'] },
  { path: '/v1/cases/:caseId/lawyers', fields: ['lawyerId', 'role'] },
  { path: '/v1/cases/:caseId/lawyers/:id/unassign', fields: ['reason'] },
  { path: '/v1/cases/:caseId/detention', fields: ['city', 'place', 'authority', 'circumstances', 'injuries'] },
  { path: '/v1/cases/:caseId/whereabouts-unknown', fields: ['reportedBy'] },
  { path: '/v1/cases/:caseId/transfers', fields: ['facility'] },
  { path: '/v1/cases/:caseId/charges', fields: ['code', 'article', 'part', 'title'] },
  { path: '/v1/cases/:caseId/charges/:id/requalify', fields: ['article', 'part', 'title'] },
  { path: '/v1/cases/:caseId/charges/:id/drop', fields: ['reason'] },
  { path: '/v1/cases/:caseId/administrative-sanctions', fields: ['kind', 'days', 'amount', 'currency'] },
  { path: '/v1/cases/:caseId/hearings', fields: ['kind', 'court', 'judge', 'scheduledAt', 'location'] },
  { path: '/v1/cases/:caseId/hearings/:id/reschedule', fields: ['scheduledAt', 'reason'] },
  { path: '/v1/cases/:caseId/hearings/:id/cancel', fields: ['reason'] },
  {
    path: '/v1/cases/:caseId/hearings/:id/outcome',
    fields: ['outcome', 'durationMinutes', 'defendantHeard', 'lawyerPresent', 'notes'],
  },
  { path: '/v1/cases/:caseId/preventive-measures', fields: ['measure', 'until', 'hearingId'] },
  { path: '/v1/cases/:caseId/preventive-measures/extend', fields: ['until', 'hearingId'] },
  { path: '/v1/cases/:caseId/release-to-house-arrest', fields: ['until', 'address', 'conditions'] },
  { path: '/v1/cases/:caseId/release', fields: ['grounds', 'note'] },
  { path: '/v1/cases/:caseId/access-denials', fields: ['who', 'by', 'details'] },
  { path: '/v1/cases/:caseId/access-granted', fields: ['who'] },
  {
    path: '/v1/cases/:caseId/torture-allegations',
    fields: [
      'periodFrom',
      'periodTo',
      'facility',
      'methods',
      'perpetrators',
      'injuries',
      'witnesses',
      'evidence',
      'consent',
      'account',
    ],
  },
  { path: '/v1/cases/:caseId/complaints', fields: ['allegationId', 'filedWith', 'reference', 'responseDueAt'] },
  { path: '/v1/cases/:caseId/complaints/:id/response', fields: ['outcome', 'reference', 'note'] },
  { path: '/v1/cases/:caseId/complaints/:id/pressure', fields: ['by', 'details'] },
  { path: '/v1/cases/:caseId/pressure', fields: ['by', 'details', 'kind'] },
  { path: '/v1/cases/:caseId/complaints/:id/withdraw', fields: ['reason'] },
  { path: '/v1/cases/:caseId/medical', fields: ['kind', 'details'] },
  { path: '/v1/cases/:caseId/verdict', fields: ['outcome', 'sentence'] },
  { path: '/v1/cases/:caseId/death', fields: ['circumstances', 'causes', 'bodyReleased', 'details'] },
  { path: '/v1/cases/:caseId/notes', fields: ['text'] },
  { path: '/v1/cases/:caseId/retractions', fields: ['eventId', 'reason'] },
  { path: '/v1/cases/:caseId/links', fields: ['caseId', 'relation', 'note'] },
  { path: '/v1/cases/:caseId/close', fields: ['reason'] },
  { path: '/v1/cases/:caseId/reopen', fields: ['reason'] },
  { path: '/v1/cases/:caseId/merge', fields: ['intoCaseId', 'reason'] },
  { path: '/v1/cases/:caseId/erase', fields: ['reason'] },
];

/** A raw request body: malformed JSON, JSON that is not an object, or an object with at least one unknown field. */
function bodies(fields: string[]): fc.Arbitrary<string> {
  const json = fc.jsonValue({ maxDepth: 3 });
  const known = fc.dictionary(fc.constantFrom(...fields, 'occurredAt', 'occurredAtPrecision'), json, { maxKeys: 6 });
  const withUnknown = fc
    .tuple(known, fc.string({ minLength: 1, maxLength: 12 }), json)
    .map(([object, name, value]) => JSON.stringify({ ...object, [`zz_${name}`]: value }));
  const notAnObject = json
    .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))
    .map((v) => JSON.stringify(v));
  // An empty body reads as `{}`, which is a valid write where every field is optional: not malformed.
  const malformed = fc.string({ maxLength: 40 }).filter((text) => {
    if (text.trim() === '') return false;
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  return fc.oneof(withUnknown, notAnObject, malformed);
}

describe('random bodies on every write endpoint', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let events: EventsTable;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
    events = await EventsTable.open(t.database.url);
    const opened = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: 'Property Test', city: 'Almaty' },
      source: { kind: 'ngo' },
    });
    caseId = opened.body.caseId as string;
  });
  afterAll(async () => {
    await events.close();
    await t.close();
  });

  it.each(ENDPOINTS)('$path answers 4xx with the error body and appends nothing', async ({ path, fields }) => {
    const url = path.replace(':caseId', caseId).replace(':id', randomUUID());
    const before = await events.count();
    await fc.assert(
      fc.asyncProperty(bodies(fields), async (body) => {
        const response = await request(t.http)
          .post(url)
          .set('Authorization', `Bearer ${coordinator.token}`)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(Object.keys(response.body as object).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
        expect(response.body.statusCode).toBe(response.status);
      }),
      { numRuns: RUNS },
    );
    expect(await events.count()).toBe(before);
  });
});
