import type { Response } from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import {
  DAY,
  EventsTable,
  expectError,
  expectValidation,
  expectWritten,
  fromNow,
  openCaseBody,
  post,
  withOffset,
} from '../support/e2e';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALMATY = 5 * 60;

/**
 * One realistic case walked through every write route of the contract (except /erase), each answer
 * checked for status, ids, version, position and ETag, and the stream checked in the database.
 */
describe('writes: every route of the Writes table succeeds with a valid body', () => {
  let t: TestApp;
  let events: EventsTable;
  let lead: TestUser;
  let support: TestUser;
  let coordinator: TestUser;

  let caseId: string;
  let version: number;
  let lastPosition = 0;
  let chargeId: string;
  let hearingId: string;
  let allegationId: string;
  let complaintId: string;

  beforeAll(async () => {
    t = await startTestApp();
    events = await EventsTable.open(t.database.url);
    lead = await createUser(t.http, 'lawyer');
    support = await createUser(t.http, 'lawyer');
    coordinator = await createUser(t.http, 'coordinator');
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  /**
   * A write on the story case by the lead lawyer: expects the version after the stream's current one
   * (read from the database, so one failed step does not shift every later one) and a growing position.
   */
  async function write(path: string, body: Record<string, unknown>, token = lead.token): Promise<Response> {
    version = await events.versionOf(caseId);
    const response = await post(t.http, token, `/v1/cases/${caseId}${path}`, body);
    expectWritten(response, caseId, version + 1);
    expect(response.body.position).toBeGreaterThan(lastPosition);
    version = response.body.version;
    lastPosition = response.body.position;
    return response;
  }

  async function lastEvent() {
    const stream = await events.ofCase(caseId);
    return stream[stream.length - 1];
  }

  it('opens a case as a lawyer, who becomes its lead lawyer (CaseOpened + LawyerAssigned: version 2)', async () => {
    const response = await post(t.http, lead.token, '/v1/cases', openCaseBody());
    expect(response.status).toBe(201);
    expect(response.body.caseId).toMatch(UUID);
    expect(Array.isArray(response.body.possibleDuplicates)).toBe(true);
    caseId = response.body.caseId;
    version = response.body.version;
    lastPosition = response.body.position;
    expect(response.headers.etag).toBe(`"${response.body.version}"`);

    const stream = await events.ofCase(caseId);
    expect(stream[0]).toMatchObject({
      type: 'CaseOpened',
      version: 1,
      data: {
        detainee: {
          fullName: 'Arman Zholatov',
          nameVariants: ['Арман Жолатов'],
          birthDate: '1994-03-12',
          sex: 'male',
          city: 'Almaty',
          vulnerabilities: ['chronic_illness'],
        },
        source: { kind: 'relative', reference: 'call from his sister' },
      },
      metadata: { actorId: lead.id, actorRole: 'lawyer' },
    });
    // The contract: "a lawyer who opens a case is assigned as lead".
    expect(stream.map((event) => event.type)).toEqual(['CaseOpened', 'LawyerAssigned']);
    expect(stream[1].data).toEqual({ lawyerId: lead.id, role: 'lead' });
    expect(response.body.version).toBe(2);
  });

  it('refuses to assign the opening lawyer as lead a second time (already lead)', async () => {
    const response = await post(t.http, coordinator.token, `/v1/cases/${caseId}/lawyers`, {
      lawyerId: lead.id,
      role: 'lead',
    });
    expectError(response, 422, 'LAWYER_ALREADY_ASSIGNED');
    expect(await events.versionOf(caseId)).toBe(version);
  });

  it('opens a case as a coordinator at version 1, with possibleDuplicates in the answer', async () => {
    const response = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Dana Serikova', 'Shymkent'));
    expectWritten(response, response.body.caseId, 1);
    expect(response.body.caseId).toMatch(UUID);
    expect(response.body.caseId).not.toBe(caseId);
    expect(Array.isArray(response.body.possibleDuplicates)).toBe(true);
    for (const duplicate of response.body.possibleDuplicates as Array<Record<string, unknown>>) {
      expect(Object.keys(duplicate).sort()).toEqual(['caseId', 'city', 'fullName', 'score']);
    }
    expect((await events.ofCase(response.body.caseId)).map((event) => event.type)).toEqual(['CaseOpened']);
  });

  it('assigns a support lawyer', async () => {
    await write('/lawyers', { lawyerId: support.id, role: 'support' });
    expect(await lastEvent()).toMatchObject({
      type: 'LawyerAssigned',
      data: { lawyerId: support.id, role: 'support' },
    });
  });

  it('records the detention; occurredAt given at +05:00 is stored in UTC, with its precision, recordedAt is the server time', async () => {
    const happened = new Date(Date.now() - 2 * DAY);
    happened.setUTCMilliseconds(0);
    const before = Date.now();
    await write('/detention', {
      city: 'Almaty',
      place: 'Republic Square, near the Independence Monument',
      authority: 'special_forces',
      circumstances: 'Detained during a peaceful rally while holding a blank sheet of paper',
      injuries: 'Bruises on both wrists',
      occurredAt: withOffset(happened, ALMATY),
      occurredAtPrecision: 'day',
    });
    const after = Date.now();
    const event = await lastEvent();
    expect(event.type).toBe('DetentionRecorded');
    expect(event.data).toEqual({
      city: 'Almaty',
      place: 'Republic Square, near the Independence Monument',
      authority: 'special_forces',
      circumstances: 'Detained during a peaceful rally while holding a blank sheet of paper',
      injuries: 'Bruises on both wrists',
    });
    expect(event.metadata.occurredAt).toBe(happened.toISOString());
    expect(event.metadata.occurredAtPrecision).toBe('day');
    const recordedAt = Date.parse(event.metadata.recordedAt as string);
    expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(recordedAt).toBeLessThanOrEqual(after + 1000);
  });

  it('reports the whereabouts unknown; without occurredAt it happened now, precision exact', async () => {
    const before = Date.now();
    await write('/whereabouts-unknown', { reportedBy: 'his sister, at the police station gate' });
    const event = await lastEvent();
    expect(event).toMatchObject({
      type: 'WhereaboutsUnknownReported',
      data: { reportedBy: 'his sister, at the police station gate' },
    });
    expect(event.metadata.occurredAtPrecision).toBe('exact');
    const occurredAt = Date.parse(event.metadata.occurredAt as string);
    expect(occurredAt).toBeGreaterThanOrEqual(before - 1000);
    expect(occurredAt).toBeLessThanOrEqual(Date.parse(event.metadata.recordedAt as string) + 1000);
  });

  it('transfers the detainee to the SI-18 pre-trial facility', async () => {
    const facility = {
      code: 'SI-18',
      name: 'Pre-trial detention centre SI-18',
      city: 'Almaty',
      kind: 'pretrial_detention',
    };
    await write('/transfers', { facility });
    expect(await lastEvent()).toMatchObject({ type: 'DetaineeTransferred', data: { facility } });
  });

  it('brings a charge under art. 272 and answers its chargeId', async () => {
    const response = await write('/charges', {
      code: 'criminal',
      article: '272',
      part: '2',
      title: 'Participation in mass riots',
    });
    expect(response.body.chargeId).toMatch(UUID);
    chargeId = response.body.chargeId;
    expect(await lastEvent()).toMatchObject({
      type: 'ChargeBrought',
      data: { chargeId, code: 'criminal', article: '272', part: '2', title: 'Participation in mass riots' },
    });
  });

  it('refuses an article or part that is not a number of the code (typed words would outlive an erasure)', async () => {
    const other = (await post(t.http, lead.token, '/v1/cases', openCaseBody('Erlan Articles'))).body.caseId as string;
    const charge = (body: Record<string, unknown>) => post(t.http, lead.token, `/v1/cases/${other}/charges`, body);
    expectValidation(await charge({ code: 'criminal', article: 'Art. 272 per investigator Ivanov' }), 'article');
    expectValidation(await charge({ code: 'criminal', article: '272', part: 'the second part' }), 'part');
    for (const article of ['20.3.1', '405-1', '174а']) {
      expect((await charge({ code: 'criminal', article })).status).toBe(201);
    }
  });

  it('requalifies the charge', async () => {
    await write(`/charges/${chargeId}/requalify`, {
      article: '274',
      part: '2',
      title: 'Spreading knowingly false information',
    });
    expect(await lastEvent()).toMatchObject({ type: 'ChargeRequalified', data: { chargeId, article: '274' } });
  });

  it('drops the charge', async () => {
    await write(`/charges/${chargeId}/drop`, { reason: 'The prosecutor found no evidence of participation' });
    expect(await lastEvent()).toMatchObject({ type: 'ChargeDropped', data: { chargeId } });
  });

  it('imposes an administrative sanction', async () => {
    await write('/administrative-sanctions', { kind: 'fine', amount: 36920, currency: 'KZT' });
    expect(await lastEvent()).toMatchObject({
      type: 'AdministrativeSanctionImposed',
      data: { kind: 'fine', amount: 36920, currency: 'KZT' },
    });
  });

  it('schedules a hearing (scheduledAt stored in UTC) and answers its hearingId', async () => {
    const at = new Date(Date.now() + DAY);
    at.setUTCSeconds(0, 0);
    const response = await write('/hearings', {
      kind: 'preventive_measure',
      court: 'Almaly District Court of Almaty',
      judge: 'A. Seitkali',
      scheduledAt: withOffset(at, ALMATY),
      location: 'Video link from SI-18',
    });
    expect(response.body.hearingId).toMatch(UUID);
    hearingId = response.body.hearingId;
    expect(await lastEvent()).toMatchObject({
      type: 'HearingScheduled',
      data: {
        hearingId,
        kind: 'preventive_measure',
        court: 'Almaly District Court of Almaty',
        scheduledAt: at.toISOString(),
      },
    });
  });

  it('reschedules the hearing', async () => {
    await write(`/hearings/${hearingId}/reschedule`, {
      scheduledAt: fromNow(2 * DAY),
      reason: 'The judge is on leave',
    });
    expect(await lastEvent()).toMatchObject({
      type: 'HearingRescheduled',
      data: { hearingId, reason: 'The judge is on leave' },
    });
  });

  it('records the hearing outcome', async () => {
    await write(`/hearings/${hearingId}/outcome`, {
      outcome: 'Pre-trial detention for two months',
      durationMinutes: 25,
      defendantHeard: true,
      lawyerPresent: false,
      notes: 'The lawyer was not let into the courtroom',
    });
    expect(await lastEvent()).toMatchObject({
      type: 'HearingHeld',
      data: {
        hearingId,
        outcome: 'Pre-trial detention for two months',
        durationMinutes: 25,
        defendantHeard: true,
        lawyerPresent: false,
      },
    });
  });

  it('schedules another hearing and cancels it', async () => {
    const response = await write('/hearings', {
      kind: 'complaint_review',
      court: 'Almaty City Court',
      scheduledAt: fromNow(5 * DAY),
    });
    const other = response.body.hearingId as string;
    expect(other).toMatch(UUID);
    expect(other).not.toBe(hearingId);
    await write(`/hearings/${other}/cancel`, { reason: 'The court returned the complaint unexamined' });
    expect(await lastEvent()).toMatchObject({ type: 'HearingCancelled', data: { hearingId: other } });
  });

  it('imposes pre-trial detention until a date, decided at the hearing, then extends it', async () => {
    const until = fromNow(60 * DAY);
    await write('/preventive-measures', { measure: 'pretrial_detention', until, hearingId });
    expect(await lastEvent()).toMatchObject({
      type: 'PreventiveMeasureImposed',
      data: { measure: 'pretrial_detention', until, hearingId },
    });

    const extended = fromNow(90 * DAY);
    await write('/preventive-measures/extend', { until: extended });
    expect(await lastEvent()).toMatchObject({ type: 'PreventiveMeasureExtended', data: { until: extended } });
  });

  it('releases the detainee to house arrest', async () => {
    await write('/release-to-house-arrest', {
      until: fromNow(120 * DAY),
      address: 'Abay Ave 10, apt 5, Almaty',
      conditions: 'No internet, no visitors except family',
    });
    expect(await lastEvent()).toMatchObject({
      type: 'ReleasedToHouseArrest',
      data: { address: 'Abay Ave 10, apt 5, Almaty' },
    });
  });

  it('records an access denial', async () => {
    await write('/access-denials', {
      who: 'lawyer',
      by: 'SI-18 duty officer',
      details: 'Told the detainee was "in the bath"',
    });
    expect(await lastEvent()).toMatchObject({
      type: 'AccessDenied',
      data: { who: 'lawyer', by: 'SI-18 duty officer' },
    });
  });

  it('records a torture allegation with evidence and answers its allegationId', async () => {
    const sha256 = 'a'.repeat(64);
    const response = await write('/torture-allegations', {
      periodFrom: fromNow(-2 * DAY),
      periodTo: fromNow(-DAY),
      facility: 'Almaly district police station',
      methods: ['beating', 'stress_positions', 'forced_confession'],
      perpetrators: 'Two officers in plain clothes',
      injuries: 'Broken rib, bruises on the back',
      witnesses: 'Cellmate, name known to the lawyer',
      evidence: [
        { kind: 'medical_report', reference: 'Archive 2024/118', sha256 },
        { kind: 'photo', reference: 'photos/118-1.jpg' },
      ],
      consent: 'anonymised',
    });
    expect(response.body.allegationId).toMatch(UUID);
    allegationId = response.body.allegationId;
    expect(await lastEvent()).toMatchObject({
      type: 'TortureAllegationRecorded',
      data: {
        allegationId,
        methods: ['beating', 'stress_positions', 'forced_confession'],
        consent: 'anonymised',
        evidence: [
          { kind: 'medical_report', reference: 'Archive 2024/118', sha256 },
          { kind: 'photo', reference: 'photos/118-1.jpg' },
        ],
      },
    });
  });

  it('files a complaint about the allegation and answers its complaintId', async () => {
    const response = await write('/complaints', {
      allegationId,
      filedWith: 'prosecutor',
      reference: 'No. 118/24',
      responseDueAt: fromNow(30 * DAY),
    });
    expect(response.body.complaintId).toMatch(UUID);
    complaintId = response.body.complaintId;
    expect(await lastEvent()).toMatchObject({
      type: 'ComplaintFiled',
      data: { complaintId, allegationId, filedWith: 'prosecutor' },
    });
  });

  it('records pressure on the complainant', async () => {
    await write(`/complaints/${complaintId}/pressure`, {
      by: 'Investigator of the Almaly police department',
      details: 'Threatened the mother with prosecution for a false report',
    });
    expect(await lastEvent()).toMatchObject({ type: 'ComplainantPressured', data: { complaintId } });
  });

  it('records the response to the complaint', async () => {
    await write(`/complaints/${complaintId}/response`, {
      outcome: 'refused',
      reference: 'Decision 2-118',
      note: 'Refused to open an investigation',
    });
    expect(await lastEvent()).toMatchObject({ type: 'ComplaintAnswered', data: { complaintId, outcome: 'refused' } });
  });

  it('files another complaint and withdraws it', async () => {
    const response = await write('/complaints', { filedWith: 'ombudsperson' });
    const other = response.body.complaintId as string;
    expect(other).toMatch(UUID);
    expect(other).not.toBe(complaintId);
    await write(`/complaints/${other}/withdraw`, { reason: 'Withdrawn by the family after a visit from the police' });
    expect(await lastEvent()).toMatchObject({ type: 'ComplaintWithdrawn', data: { complaintId: other } });
  });

  it('records a medical fact', async () => {
    await write('/medical', { kind: 'need', details: 'Needs insulin twice a day' });
    expect(await lastEvent()).toMatchObject({
      type: 'MedicalFactRecorded',
      data: { kind: 'need', details: 'Needs insulin twice a day' },
    });
  });

  it('records the verdict', async () => {
    await write('/verdict', { outcome: 'convicted', sentence: { kind: 'imprisonment', months: 24 } });
    expect(await lastEvent()).toMatchObject({
      type: 'VerdictDelivered',
      data: { outcome: 'convicted', sentence: { kind: 'imprisonment', months: 24 } },
    });
  });

  it('adds a note', async () => {
    await write('/notes', { text: 'Family asked to be called before any public statement' });
    expect(await lastEvent()).toMatchObject({
      type: 'NoteAdded',
      data: { text: 'Family asked to be called before any public statement' },
    });
  });

  it('retracts an earlier fact; the retracted event stays in the stream', async () => {
    const eventId = await events.eventId(caseId, 'AccessDenied');
    await write('/retractions', { eventId, reason: 'The denial was at another facility; recorded on the wrong case' });
    const stream = await events.ofCase(caseId);
    expect(stream[stream.length - 1]).toMatchObject({ type: 'FactRetracted', data: { eventId } });
    expect(stream.some((event) => event.event_id === eventId && event.type === 'AccessDenied')).toBe(true);
  });

  it('unassigns the support lawyer', async () => {
    await write(`/lawyers/${support.id}/unassign`, { reason: 'Moved to another region' });
    expect(await lastEvent()).toMatchObject({ type: 'LawyerUnassigned', data: { lawyerId: support.id } });
  });

  it('closes and reopens the case', async () => {
    await write('/close', { reason: 'The family asked to pause work on the case' }, coordinator.token);
    expect(await lastEvent()).toMatchObject({ type: 'CaseClosed' });
    await write('/reopen', { reason: 'The family asked to resume' }, coordinator.token);
    expect(await lastEvent()).toMatchObject({ type: 'CaseReopened' });
  });

  it('records the release', async () => {
    await write('/release', { grounds: 'sentence_served', note: 'Met at the gate by his family' });
    expect(await lastEvent()).toMatchObject({ type: 'Released', data: { grounds: 'sentence_served' } });
  });

  it('left a gapless stream whose versions match every answer', async () => {
    const stream = await events.ofCase(caseId);
    expect(stream.map((event) => event.version)).toEqual(Array.from({ length: stream.length }, (_, i) => i + 1));
    expect(stream.length).toBe(version);
    expect(await events.versionOf(caseId)).toBe(version);
    expect(
      stream.every((event) => event.metadata.actorRole === 'lawyer' || event.metadata.actorRole === 'coordinator'),
    ).toBe(true);
  });

  it('records a death on another case', async () => {
    const opened = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Erlan Bekov', 'Taraz'));
    expectWritten(opened, opened.body.caseId, 1);
    const other = opened.body.caseId as string;
    const detention = await post(t.http, coordinator.token, `/v1/cases/${other}/detention`, {
      city: 'Taraz',
      place: 'Central square',
      authority: 'police',
    });
    expectWritten(detention, other, 2);
    const death = await post(t.http, coordinator.token, `/v1/cases/${other}/death`, {
      circumstances: 'in_custody',
      bodyReleased: false,
      details: 'Died in the temporary detention facility; the family was told "heart failure"',
    });
    expectWritten(death, other, 3);
    expect(death.body.position).toBeGreaterThan(detention.body.position);
    const stream = await events.ofCase(other);
    expect(stream.map((event) => event.type)).toEqual(['CaseOpened', 'DetentionRecorded', 'DeathRecorded']);
    expect(stream[2].data).toMatchObject({ circumstances: 'in_custody', bodyReleased: false });
  });
});
