import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';
import type { App } from 'supertest/types';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, expectError, expectWritten, openCaseBody, post, startSecondApp } from '../support/e2e';

/**
 * 409 CONCURRENCY_CONFLICT: each instance serialises writes to a case and retries a raced append,
 * so a conflict only surfaces when two processes race and retries are exhausted. Both instances run
 * with APPEND_RETRIES=1 on the same database.
 */
describe('conflicts: two instances racing on one case with one append attempt each', () => {
  let t: TestApp;
  let second: { app: INestApplication; http: App };
  let events: EventsTable;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ APPEND_RETRIES: '1' });
    second = await startSecondApp(t.database.url, { APPEND_RETRIES: '1' });
    events = await EventsTable.open(t.database.url);
    coordinator = await createUser(t.http, 'coordinator');
  });

  afterAll(async () => {
    await events.close();
    await second.app.close();
    await t.close();
  });

  it('answers 201 or 409 CONCURRENCY_CONFLICT, at least one 409, and the stream holds exactly the accepted writes', async () => {
    const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Daniyar Ermekov', 'Almaty'));
    expectWritten(opened, opened.body.caseId, 1);
    const caseId = opened.body.caseId as string;

    const accepted: Response[] = [];
    let conflicts = 0;
    for (let round = 1; round <= 5 && conflicts === 0; round++) {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          post(i % 2 ? second.http : t.http, coordinator.token, `/v1/cases/${caseId}/notes`, {
            text: `round ${round} note ${i}`,
          }),
        ),
      );
      for (const response of responses) {
        if (response.status === 201) {
          expect(response.body.caseId).toBe(caseId);
          expect(response.headers.etag).toBe(`"${response.body.version}"`);
          accepted.push(response);
        } else {
          expectError(response, 409, 'CONCURRENCY_CONFLICT');
          conflicts++;
        }
      }
    }
    expect(conflicts).toBeGreaterThan(0);

    // Nothing lost, nothing partial: the stream is the opening plus exactly the accepted notes.
    const stream = await events.ofCase(caseId);
    expect(await events.versionOf(caseId)).toBe(1 + accepted.length);
    expect(stream.map((event) => event.version)).toEqual(Array.from({ length: 1 + accepted.length }, (_, i) => i + 1));
    const versions = accepted.map((response) => response.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: accepted.length }, (_, i) => i + 2));
    const storedTexts = stream
      .slice(1)
      .map((event) => event.data.text as string)
      .sort();
    const acceptedTexts = accepted.map((response) => {
      const stored = stream.find((event) => event.version === response.body.version);
      expect(stored?.type).toBe('NoteAdded');
      return stored?.data.text as string;
    });
    expect(new Set(acceptedTexts).size).toBe(accepted.length);
    expect(acceptedTexts.sort()).toEqual(storedTexts);
  });

  it('both instances see the same stream: a write through one continues the version written through the other', async () => {
    const opened = await post(second.http, coordinator.token, '/v1/cases', openCaseBody('Saule Mukanova', 'Almaty'));
    expectWritten(opened, opened.body.caseId, 1);
    const caseId = opened.body.caseId as string;
    expectWritten(await post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'via first' }), caseId, 2);
    expectWritten(
      await post(second.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: 'via second' }),
      caseId,
      3,
    );
    expectWritten(
      await post(
        t.http,
        coordinator.token,
        `/v1/cases/${caseId}/notes`,
        { text: 'via first again' },
        { 'If-Match': '"3"' },
      ),
      caseId,
      4,
    );
    expect(await events.versionOf(caseId)).toBe(4);
  });
});
