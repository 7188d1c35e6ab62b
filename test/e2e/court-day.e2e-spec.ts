import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import {
  DAY,
  EventsTable,
  expectError,
  expectValidation,
  expectWritten,
  fromNow,
  HOUR,
  openCaseBody,
  post,
} from '../support/e2e';

/**
 * The court day (issue 17): one decision at a hearing is one write (POST .../hearings/:id/decision) whose facts are
 * appended together or not at all; the board reads the day's hearings of a court typed as a person types it.
 */
describe('court day', () => {
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let otherLawyer: TestUser;
  let position = 0;
  const COURT = 'Специализированный межрайонный суд г. Алматы';
  const FUTURE = fromNow(30 * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    [coordinator, lawyer, otherLawyer] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer', 'Aigerim'),
      createUser(t.http, 'lawyer'),
    ]);
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  async function write(token: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await post(t.http, token, path, body, headers);
    if (response.status === 201) position = Math.max(position, response.body.position as number);
    return response;
  }

  /** A detained person's case with one hearing an hour ago; its version is 3 (opened, detained, scheduled). */
  async function caseWithHearing(name: string, court = COURT): Promise<{ caseId: string; hearingId: string }> {
    const opened = await write(coordinator.token, '/v1/cases', openCaseBody(name));
    const caseId = opened.body.caseId as string;
    expectWritten(await write(coordinator.token, `/v1/cases/${caseId}/detention`, { authority: 'police' }), caseId, 2);
    const scheduled = await write(coordinator.token, `/v1/cases/${caseId}/hearings`, {
      kind: 'preventive_measure',
      court,
      scheduledAt: fromNow(-HOUR),
    });
    expectWritten(scheduled, caseId, 3);
    return { caseId, hearingId: scheduled.body.hearingId as string };
  }

  function decide(token: string, c: { caseId: string; hearingId: string }, body: unknown, headers = {}) {
    return write(token, `/v1/cases/${c.caseId}/hearings/${c.hearingId}/decision`, body, headers);
  }

  async function typesOf(caseId: string): Promise<string[]> {
    return (await events.ofCase(caseId)).map((event) => event.type);
  }

  const details = { durationMinutes: 3, defendantHeard: true, lawyerPresent: true };

  describe('POST /v1/cases/:caseId/hearings/:hearingId/decision', () => {
    it.each([
      [
        'detention_ordered',
        { kind: 'detention_ordered', until: FUTURE },
        'PreventiveMeasureImposed',
        { measure: 'pretrial_detention' },
      ],
      [
        'house_arrest',
        { kind: 'house_arrest', until: FUTURE },
        'PreventiveMeasureImposed',
        { measure: 'house_arrest' },
      ],
      ['released', { kind: 'released', grounds: 'charges_dropped' }, 'Released', { grounds: 'charges_dropped' }],
      [
        'administrative_arrest',
        { kind: 'administrative_arrest', days: 15 },
        'AdministrativeSanctionImposed',
        { kind: 'arrest', days: 15 },
      ],
      ['fine', { kind: 'fine', amount: 200000, currency: 'KZT' }, 'AdministrativeSanctionImposed', { kind: 'fine' }],
    ])('%s: the hearing held and what it ordered, in one append', async (_kind, decision, orderedType, ordered) => {
      const c = await caseWithHearing(`Decision ${decision.kind}`);
      expectWritten(await decide(coordinator.token, c, { ...details, decision }), c.caseId, 5);
      const stream = await events.ofCase(c.caseId);
      expect(stream.map((event) => event.type)).toEqual([
        'CaseOpened',
        'DetentionRecorded',
        'HearingScheduled',
        'HearingHeld',
        orderedType,
      ]);
      expect(stream[3].data).toEqual({ hearingId: c.hearingId, outcome: decision.kind, ...details });
      expect(stream[4].data).toMatchObject(ordered);
      // One write: the pair shares its correlation and its time.
      expect(stream[4].metadata.correlationId).toBe(stream[3].metadata.correlationId);
      expect(stream[4].metadata.occurredAt).toBe(stream[3].metadata.occurredAt);
    });

    it('other: the hearing held only; postponed: a reschedule only', async () => {
      const other = await caseWithHearing('Decision other');
      expectWritten(
        await decide(coordinator.token, other, { notes: 'sent back', decision: { kind: 'other' } }),
        other.caseId,
        4,
      );
      expect((await typesOf(other.caseId)).slice(3)).toEqual(['HearingHeld']);

      const postponed = await caseWithHearing('Decision postponed');
      const scheduledAt = fromNow(2 * DAY);
      expectWritten(
        await decide(coordinator.token, postponed, { decision: { kind: 'postponed', scheduledAt } }),
        postponed.caseId,
        4,
      );
      const stream = await events.ofCase(postponed.caseId);
      expect(stream.map((event) => event.type).slice(3)).toEqual(['HearingRescheduled']);
      expect(stream[3].data).toEqual({ hearingId: postponed.hearingId, scheduledAt });
    });

    it('a refusal leaves nothing: neither the outcome nor what was ordered', async () => {
      const c = await caseWithHearing('Refused decision');
      const past = { ...details, decision: { kind: 'detention_ordered', until: fromNow(-DAY) } };
      expectError(await decide(coordinator.token, c, past), 422, 'MEASURE_END_BEFORE_START');
      const postponedHeld = { lawyerPresent: true, decision: { kind: 'postponed', scheduledAt: fromNow(DAY) } };
      expectError(await decide(coordinator.token, c, postponedHeld), 422, 'POSTPONED_NOT_HELD');
      expect(await typesOf(c.caseId)).toEqual(['CaseOpened', 'DetentionRecorded', 'HearingScheduled']);

      expectWritten(await decide(coordinator.token, c, { decision: { kind: 'other' } }), c.caseId, 4);
      expectError(await decide(coordinator.token, c, { decision: { kind: 'released' } }), 422, 'HEARING_ALREADY_HELD');
      expect(await events.versionOf(c.caseId)).toBe(4);
    });

    it('refuses a decision without what it needs, or with what another decision takes (400)', async () => {
      const c = await caseWithHearing('Malformed decision');
      expectValidation(
        await decide(coordinator.token, c, { decision: { kind: 'detention_ordered' } }),
        'decision.until',
      );
      expectValidation(
        await decide(coordinator.token, c, { decision: { kind: 'administrative_arrest' } }),
        'decision.days',
      );
      expectValidation(await decide(coordinator.token, c, { decision: { kind: 'fine', days: 3 } }), 'decision.days');
      expectValidation(await decide(coordinator.token, c, { decision: { kind: 'adjourned' } }), 'decision.kind');
      expectValidation(
        await decide(coordinator.token, c, { outcome: 'typed', decision: { kind: 'other' } }),
        'outcome',
      );
      expectValidation(await decide(coordinator.token, c, {}), 'decision');
      expect(await events.versionOf(c.caseId)).toBe(3);
    });

    it('a repeat with the same Idempotency-Key records the pair once and answers as the first time', async () => {
      const c = await caseWithHearing('Repeated decision');
      const body = { ...details, decision: { kind: 'administrative_arrest', days: 10 } };
      const headers = { 'Idempotency-Key': `court-day-${c.hearingId}`, 'If-Match': '"3"' };
      const first = await decide(coordinator.token, c, body, headers);
      expectWritten(first, c.caseId, 5);
      const second = await decide(coordinator.token, c, body, headers);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect((await typesOf(c.caseId)).slice(3)).toEqual(['HearingHeld', 'AdministrativeSanctionImposed']);
    });

    it('If-Match at a version the case has left answers 412 and records nothing', async () => {
      const c = await caseWithHearing('Stale decision');
      const stale = await decide(coordinator.token, c, { decision: { kind: 'released' } }, { 'If-Match': '"2"' });
      expectError(stale, 412, 'VERSION_MISMATCH');
      expect(await events.versionOf(c.caseId)).toBe(3);
    });

    it('a lawyer decides on their own cases only; another lawyer’s case is not found', async () => {
      const c = await caseWithHearing('Lawyer decision');
      expectWritten(
        await write(coordinator.token, `/v1/cases/${c.caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' }),
        c.caseId,
        4,
      );
      expectError(await decide(otherLawyer.token, c, { decision: { kind: 'other' } }), 404, 'NOT_FOUND');
      expectWritten(await decide(lawyer.token, c, { decision: { kind: 'fine' } }), c.caseId, 6);
    });
  });

  describe('the board: GET /v1/hearings and /v1/hearings/courts', () => {
    const day = { from: fromNow(-6 * HOUR), to: fromNow(6 * HOUR) };
    let held: { caseId: string; hearingId: string };
    let waiting: { caseId: string; hearingId: string };

    beforeAll(async () => {
      held = await caseWithHearing('Board Held', 'Межрайонный суд по уголовным делам г. Тараза');
      waiting = await caseWithHearing('Board Waiting', 'межрайонный суд по уголовным делам  г.Тараза');
      await write(coordinator.token, `/v1/cases/${held.caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });
      await decide(coordinator.token, held, { ...details, decision: { kind: 'detention_ordered', until: FUTURE } });
    });

    function read(user: TestUser, path: string) {
      return request(t.http)
        .get(path)
        .set('Authorization', `Bearer ${user.token}`)
        .set('X-Min-Position', String(position));
    }

    it('finds a court as typed (case, ё, punctuation and word order aside), with what the board needs', async () => {
      const query = `from=${day.from}&to=${day.to}&court=${encodeURIComponent('ТАРАЗА, межрайонный')}`;
      const response = await read(coordinator, `/v1/hearings?${query}`);
      expect(response.status).toBe(200);
      const items = response.body.items as Array<Record<string, unknown>>;
      expect(items.map((item) => item.caseId).sort()).toEqual([held.caseId, waiting.caseId].sort());
      const board = items.find((item) => item.caseId === held.caseId);
      expect(board).toMatchObject({
        hearingId: held.hearingId,
        status: 'held',
        lawyers: [{ lawyerId: lawyer.id, name: 'Aigerim', role: 'lead' }],
        held: { outcome: 'detention_ordered', ...details },
        caseStatus: 'in_pretrial_detention',
        measure: { measure: 'pretrial_detention', until: FUTURE },
        caseVersion: 6,
      });
      expect(items.find((item) => item.caseId === waiting.caseId)).toMatchObject({
        status: 'scheduled',
        lawyers: [],
        held: null,
        caseVersion: 3,
      });
    });

    it('keeps a hearing known to the day only as such, until a move gives it a time', async () => {
      const opened = await write(coordinator.token, '/v1/cases', openCaseBody('Board Day Only'));
      const caseId = opened.body.caseId as string;
      const midnight = new Date(Date.parse(day.from) + HOUR).toISOString();
      const scheduled = await write(coordinator.token, `/v1/cases/${caseId}/hearings`, {
        kind: 'trial',
        court: 'Day-only court of Kostanay',
        scheduledAt: midnight,
        scheduledAtPrecision: 'day',
      });
      expectWritten(scheduled, caseId, 2);
      const stream = await events.ofCase(caseId);
      expect(stream[1].data).toMatchObject({ scheduledAt: midnight, scheduledAtPrecision: 'day' });
      const onBoard = async () =>
        (await read(coordinator, `/v1/hearings?from=${day.from}&to=${day.to}&court=kostanay`)).body.items as Array<
          Record<string, unknown>
        >;
      expect(await onBoard()).toEqual([
        expect.objectContaining({ scheduledAt: midnight, scheduledAtPrecision: 'day' }),
      ]);
      const detail = await read(coordinator, `/v1/cases/${caseId}`);
      expect(detail.body.hearings).toEqual([expect.objectContaining({ scheduledAtPrecision: 'day' })]);

      const hearingId = scheduled.body.hearingId as string;
      const moved = fromNow(HOUR);
      const reschedule = { scheduledAt: moved };
      expectWritten(
        await write(coordinator.token, `/v1/cases/${caseId}/hearings/${hearingId}/reschedule`, reschedule),
        caseId,
        3,
      );
      expect(await onBoard()).toEqual([expect.objectContaining({ scheduledAt: moved, scheduledAtPrecision: 'exact' })]);
      const refused = await write(coordinator.token, `/v1/cases/${caseId}/hearings`, {
        kind: 'trial',
        court: 'Day-only court of Kostanay',
        scheduledAt: midnight,
        scheduledAtPrecision: 'month',
      });
      expectValidation(refused, 'scheduledAtPrecision');
    });

    it('lists the period’s courts once per court however typed, the busiest first; a lawyer only theirs', async () => {
      const coordinatorCourts = await read(coordinator, `/v1/hearings/courts?from=${day.from}&to=${day.to}`);
      expect(coordinatorCourts.status).toBe(200);
      const courts = coordinatorCourts.body.items as Array<{ court: string; hearings: number }>;
      const taraz = courts.filter((item) => item.court.toLowerCase().includes('тараз'));
      expect(taraz).toHaveLength(1);
      expect(taraz[0].hearings).toBe(2);

      const lawyerCourts = await read(lawyer, `/v1/hearings/courts?from=${day.from}&to=${day.to}`);
      const own = lawyerCourts.body.items as Array<{ court: string; hearings: number }>;
      expect(own.find((item) => item.court.toLowerCase().includes('тараз'))?.hearings).toBe(1);
      const lawyerBoard = await read(lawyer, `/v1/hearings?from=${day.from}&to=${day.to}&court=тараз`);
      expect((lawyerBoard.body.items as Array<{ caseId: string }>).map((item) => item.caseId)).toEqual([held.caseId]);
      expectValidation(await read(coordinator, `/v1/hearings/courts?from=${day.to}&to=${day.from}`), 'to');
      expectValidation(await read(coordinator, `/v1/hearings/courts?from=${day.from}`), 'to');
    });
  });
});
