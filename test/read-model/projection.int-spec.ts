import { randomUUID } from 'node:crypto';
import type { CaseProjector } from '@casetrack/read-model';
import {
  CaseWriter,
  caseRow,
  childRows,
  openFixture,
  projector,
  projectUntil,
  type ProjectionFixture,
} from './helpers';

/** Text that must never reach a read-model table: testimony, witnesses, notes, medical and other free-text accounts. */
const SECRET = 'SECRET-TEXT';

/**
 * Each event type's effect on the read models, on one case told fact by fact and projected after each fact by a
 * projector that lives across the steps (so its state cache is exercised too).
 */
describe('projection: every event type', () => {
  let f: ProjectionFixture;
  let p: CaseProjector;
  let w: CaseWriter;
  const lawyerA = randomUUID();
  const lawyerB = randomUUID();
  const chargeId = randomUUID();
  const hearingId = randomUUID();
  const allegationId = randomUUID();
  const complaintId = randomUUID();

  beforeAll(async () => {
    f = await openFixture();
    p = projector(f, { batchSize: 3 });
    w = new CaseWriter(f.store);
  });
  afterAll(() => f.close());

  async function project(): Promise<Record<string, unknown>> {
    await projectUntil(p, f.store, w.lastPosition);
    const row = await caseRow(f.pool, w.caseId);
    if (!row) throw new Error('no case row');
    return row;
  }

  it('CaseOpened: a summary row with the name keys and vulnerabilities', async () => {
    await w.append({
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: 'Arman Zholatov',
          nameVariants: ['Арман Жолатов'],
          sex: 'male',
          city: 'Almaty',
          vulnerabilities: ['chronic_illness'],
          birthDate: '1994-03-12',
        },
        source: { kind: 'relative', reference: SECRET },
      },
    });
    const row = await project();
    expect(row).toMatchObject({
      full_name: 'Arman Zholatov',
      name_variants: ['Арман Жолатов'],
      city: 'Almaty',
      status: 'reported',
      closed: false,
      vulnerabilities: ['chronic_illness'],
      version: 1,
      open_complaints: 0,
      torture_allegations: 0,
      deceased: false,
    });
    // Every spelling folds to the same tokens (the names module transliterates the Cyrillic variant).
    expect(row.name_keys).toBe('arman zholatov');
  });

  it('LawyerAssigned / LawyerUnassigned: lawyer ids and roles', async () => {
    await w.append(
      { type: 'LawyerAssigned', data: { lawyerId: lawyerA, role: 'lead' } },
      { type: 'LawyerAssigned', data: { lawyerId: lawyerB, role: 'support' } },
    );
    expect((await project()).lawyer_ids).toEqual([lawyerA, lawyerB].sort());
    await w.append({ type: 'LawyerUnassigned', data: { lawyerId: lawyerB, reason: SECRET } });
    const row = await project();
    expect(row.lawyer_ids).toEqual([lawyerA]);
    expect(row.lawyers).toEqual([{ lawyerId: lawyerA, role: 'lead' }]);
  });

  it('WhereaboutsUnknownReported: missing', async () => {
    await w.append({ type: 'WhereaboutsUnknownReported', data: { reportedBy: SECRET } });
    expect((await project()).status).toBe('missing');
  });

  it('DetentionRecorded: in police custody, detention in the detail without circumstances or injuries', async () => {
    await w.append({
      type: 'DetentionRecorded',
      data: { city: 'Almaty', place: 'Republic Square', authority: 'police', circumstances: SECRET, injuries: SECRET },
    });
    const row = await project();
    expect(row.status).toBe('in_police_custody');
    expect((row.detail as { detentions: unknown[] }).detentions).toEqual([
      expect.objectContaining({ city: 'Almaty', place: 'Republic Square', authority: 'police' }),
    ]);
  });

  it('DetaineeTransferred: current facility and its key', async () => {
    await w.append({
      type: 'DetaineeTransferred',
      data: { facility: { code: 'LA-155/18', name: 'SIZO 18', city: 'Almaty', kind: 'pretrial_detention' } },
    });
    const row = await project();
    expect(row.current_facility).toEqual({
      code: 'LA-155/18',
      name: 'SIZO 18',
      city: 'Almaty',
      kind: 'pretrial_detention',
    });
    expect(row.facility_key).toBe('la-155/18');
    expect(row.status).toBe('in_pretrial_detention');
  });

  it('ChargeBrought / ChargeRequalified / ChargeDropped: charges and the articles of active ones', async () => {
    await w.append({ type: 'ChargeBrought', data: { chargeId, code: 'criminal', article: '272', part: '2' } });
    let row = await project();
    expect(row.articles).toEqual(['272']);
    expect(row.charges).toEqual([
      { chargeId, code: 'criminal', article: '272', part: '2', title: null, status: 'active' },
    ]);
    await w.append({ type: 'ChargeRequalified', data: { chargeId, article: '274', title: 'false information' } });
    row = await project();
    expect(row.articles).toEqual(['274']);
    await w.append({ type: 'ChargeDropped', data: { chargeId, reason: SECRET } });
    row = await project();
    expect(row.articles).toEqual([]);
    expect(row.charges).toEqual([expect.objectContaining({ chargeId, status: 'dropped' })]);
  });

  it('AdministrativeSanctionImposed: listed in the detail', async () => {
    await w.append({ type: 'AdministrativeSanctionImposed', data: { kind: 'fine', amount: 100, currency: 'KZT' } });
    const row = await project();
    expect((row.detail as { administrativeSanctions: unknown[] }).administrativeSanctions).toEqual([
      expect.objectContaining({ kind: 'fine', amount: 100, currency: 'KZT', days: null }),
    ]);
  });

  it('HearingScheduled / HearingRescheduled / HearingHeld: the hearing row follows; notes stay out', async () => {
    await w.append({
      type: 'HearingScheduled',
      data: {
        hearingId,
        kind: 'preventive_measure',
        court: 'Almaly District Court',
        scheduledAt: '2030-01-10T05:00:00.000Z',
      },
    });
    await project();
    expect(await childRows(f.pool, 'hearings', w.caseId)).toEqual([
      expect.objectContaining({
        hearing_id: hearingId,
        status: 'scheduled',
        scheduled_at: '2030-01-10T05:00:00+00:00',
      }),
    ]);
    await w.append({
      type: 'HearingRescheduled',
      data: { hearingId, scheduledAt: '2030-01-12T05:00:00.000Z', reason: SECRET },
    });
    await project();
    expect(await childRows(f.pool, 'hearings', w.caseId)).toEqual([
      expect.objectContaining({ scheduled_at: '2030-01-12T05:00:00+00:00' }),
    ]);
    await w.append({ type: 'HearingHeld', data: { hearingId, outcome: 'detention ordered', notes: SECRET } });
    await project();
    expect(await childRows(f.pool, 'hearings', w.caseId)).toEqual([expect.objectContaining({ status: 'held' })]);
  });

  it('HearingCancelled: the hearing stays, cancelled', async () => {
    const other = randomUUID();
    await w.append(
      {
        type: 'HearingScheduled',
        data: { hearingId: other, kind: 'appeal', court: 'Almaty City Court', scheduledAt: '2030-02-01T05:00:00.000Z' },
      },
      { type: 'HearingCancelled', data: { hearingId: other, reason: SECRET } },
    );
    await project();
    const hearings = await childRows(f.pool, 'hearings', w.caseId);
    expect(hearings.find((h) => h.hearing_id === other)).toMatchObject({ status: 'cancelled' });
  });

  it('PreventiveMeasureImposed / PreventiveMeasureExtended: measure and its end', async () => {
    await w.append({
      type: 'PreventiveMeasureImposed',
      data: { measure: 'pretrial_detention', until: '2030-03-01T00:00:00.000Z', hearingId },
    });
    let row = await project();
    expect(row).toMatchObject({ measure: 'pretrial_detention', measure_until: '2030-03-01T00:00:00+00:00' });
    await w.append({ type: 'PreventiveMeasureExtended', data: { until: '2030-05-01T00:00:00.000Z' } });
    row = await project();
    expect(row.measure_until).toBe('2030-05-01T00:00:00+00:00');
    expect((row.detail as { measures: unknown[] }).measures).toHaveLength(2);
  });

  it('AccessDenied: who was denied, without the details', async () => {
    await w.append({ type: 'AccessDenied', data: { who: 'lawyer', by: 'investigator', details: SECRET } });
    const row = await project();
    expect((row.detail as { accessDenials: unknown[] }).accessDenials).toEqual([
      expect.objectContaining({ who: 'lawyer', by: 'investigator' }),
    ]);
  });

  it('TortureAllegationRecorded: counted; the detail keeps period, methods and consent, not the testimony', async () => {
    await w.append({
      type: 'TortureAllegationRecorded',
      data: {
        allegationId,
        periodFrom: '2022-01-06T00:00:00.000Z',
        methods: ['beating', 'electric_shock'],
        perpetrators: SECRET,
        injuries: SECRET,
        witnesses: SECRET,
        evidence: [{ kind: 'photo', reference: SECRET }],
        consent: 'anonymised',
      },
    });
    const row = await project();
    expect(row.torture_allegations).toBe(1);
    expect((row.detail as { allegations: unknown[] }).allegations).toEqual([
      expect.objectContaining({
        allegationId,
        methods: ['beating', 'electric_shock'],
        consent: 'anonymised',
        evidenceCount: 1,
      }),
    ]);
  });

  it('ComplaintFiled / ComplainantPressured / ComplaintAnswered: the complaint row and the open count', async () => {
    await w.append({
      type: 'ComplaintFiled',
      data: { complaintId, allegationId, filedWith: 'prosecutor', responseDueAt: '2022-02-06T00:00:00.000Z' },
    });
    let row = await project();
    expect(row.open_complaints).toBe(1);
    expect(await childRows(f.pool, 'complaints', w.caseId)).toEqual([
      expect.objectContaining({ complaint_id: complaintId, status: 'awaiting', allegation_id: allegationId }),
    ]);
    await w.append({ type: 'ComplainantPressured', data: { complaintId, by: SECRET, details: SECRET } });
    row = await project();
    expect((row.detail as { complaints: Array<{ pressureCount: number }> }).complaints[0].pressureCount).toBe(1);
    await w.append({ type: 'ComplaintAnswered', data: { complaintId, outcome: 'refused', note: SECRET } });
    row = await project();
    expect(row.open_complaints).toBe(0);
    expect(await childRows(f.pool, 'complaints', w.caseId)).toEqual([
      expect.objectContaining({ status: 'answered', outcome: 'refused' }),
    ]);
  });

  it('ComplaintWithdrawn: withdrawn', async () => {
    const second = randomUUID();
    await w.append(
      { type: 'ComplaintFiled', data: { complaintId: second, filedWith: 'ombudsperson' } },
      { type: 'ComplaintWithdrawn', data: { complaintId: second, reason: SECRET } },
    );
    await project();
    const complaints = await childRows(f.pool, 'complaints', w.caseId);
    expect(complaints.find((c) => c.complaint_id === second)).toMatchObject({ status: 'withdrawn' });
  });

  it('MedicalFactRecorded: hospitalised, without the medical details', async () => {
    await w.append({ type: 'MedicalFactRecorded', data: { kind: 'hospitalised', details: SECRET } });
    expect((await project()).status).toBe('hospitalised');
  });

  it('ReleasedToHouseArrest / Released: status follows', async () => {
    await w.append({
      type: 'ReleasedToHouseArrest',
      data: { until: '2030-06-01T00:00:00.000Z', address: SECRET, conditions: SECRET },
    });
    expect((await project()).status).toBe('house_arrest');
    await w.append({ type: 'Released', data: { grounds: 'amnesty', note: SECRET } });
    expect((await project()).status).toBe('released');
  });

  it('NoteAdded: nothing of the note is projected', async () => {
    await w.append({ type: 'NoteAdded', data: { text: SECRET } });
    expect((await project()).version).toBeGreaterThan(0);
  });

  it('VerdictDelivered: in the detail', async () => {
    await w.append({
      type: 'VerdictDelivered',
      data: { outcome: 'convicted', sentence: { kind: 'suspended', months: 12 } },
    });
    const row = await project();
    expect((row.detail as { verdict: unknown }).verdict).toMatchObject({
      outcome: 'convicted',
      sentence: { kind: 'suspended', months: 12 },
    });
  });

  it('CaseClosed / CaseReopened: the closed flag', async () => {
    await w.append({ type: 'CaseClosed', data: { reason: SECRET } });
    expect((await project()).closed).toBe(true);
    await w.append({ type: 'CaseReopened', data: { reason: SECRET } });
    expect((await project()).closed).toBe(false);
  });

  let deathId = '';
  it('DeathRecorded: deceased, without the details', async () => {
    [deathId] = await w.append({
      type: 'DeathRecorded',
      data: { circumstances: 'in_custody', bodyReleased: false, details: SECRET },
    });
    const row = await project();
    expect(row).toMatchObject({ status: 'deceased', deceased: true });
    expect((row.detail as { death: unknown }).death).toMatchObject({
      circumstances: 'in_custody',
      bodyReleased: false,
    });
  });

  it('FactRetracted: the retracted fact stops counting everywhere', async () => {
    await w.append({ type: 'FactRetracted', data: { eventId: deathId, reason: SECRET } });
    const row = await project();
    expect(row).toMatchObject({ status: 'released', deceased: false });
    expect((row.detail as { death: unknown }).death).toBeNull();
  });

  it('no sensitive free text reached any read-model table', async () => {
    const { rows } = await f.pool.query<{ text: string }>(
      `SELECT (SELECT coalesce(string_agg(to_jsonb(c)::text, ''), '') FROM read_model.cases c)
           || (SELECT coalesce(string_agg(to_jsonb(h)::text, ''), '') FROM read_model.hearings h)
           || (SELECT coalesce(string_agg(to_jsonb(k)::text, ''), '') FROM read_model.complaints k) AS text`,
    );
    expect(rows[0].text.length).toBeGreaterThan(100);
    expect(rows[0].text).not.toContain(SECRET);
  });
});
