import { fullStoryFacts } from '../testing/full-story';
import { assembleDossier, type CaseDossier, type DossierRecord } from './case-dossier';

const options = { caseId: 'case-1', generatedAt: '2022-03-01T00:00:00.000Z', includeInternal: false };
const facts = fullStoryFacts();

/** Every record the dossier's sections hold, wherever they are. */
function recordsOf(dossier: CaseDossier): DossierRecord[] {
  return [
    ...(dossier.detainee ? [dossier.detainee.record] : []),
    ...dossier.lawyers.records,
    ...dossier.custody,
    ...dossier.charges.flatMap((c) => c.records),
    ...dossier.administrativeSanctions,
    ...dossier.hearings.flatMap((h) => h.records),
    ...dossier.allegations,
    ...dossier.complaints.flatMap((c) => c.records),
    ...dossier.accessDenials,
    ...dossier.medical,
    ...(dossier.verdict ? [dossier.verdict] : []),
    ...(dossier.death ? [dossier.death] : []),
    ...dossier.notes,
    ...dossier.lifecycle,
  ];
}

describe('assembleDossier', () => {
  const dossier = assembleDossier(facts, options);
  const internal = facts.find(
    (f) => f.event.type === 'TortureAllegationRecorded' && f.event.data.consent === 'internal_only',
  );
  const retraction = facts.find((f) => f.event.type === 'FactRetracted');

  it('holds every counting fact exactly once, each with both times and who recorded it', () => {
    const ids = recordsOf(dossier).map((r) => r.eventId);
    const expected = facts
      .filter((f) => f.meta.eventId !== internal?.meta.eventId && f.event.type !== 'FactRetracted')
      .filter((f) => f.meta.eventId !== 'e24')
      .map((f) => f.meta.eventId);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const record of recordsOf(dossier)) {
      expect(record).toEqual(
        expect.objectContaining({
          occurredAt: expect.any(String),
          recordedAt: expect.any(String),
          recordedBy: { id: expect.any(String), role: expect.any(String) },
        }),
      );
    }
  });

  it('lists the retracted fact with its retraction, not in its section', () => {
    expect(dossier.accessDenials.map((r) => r.eventId)).toEqual(['e14']);
    expect(dossier.retractions).toEqual([
      {
        retracted: expect.objectContaining({ eventId: 'e24', type: 'AccessDenied', version: 24 }),
        retraction: expect.objectContaining({
          eventId: retraction?.meta.eventId,
          data: { eventId: 'e24', reason: 'wrong case' },
        }),
      },
    ]);
  });

  it('leaves internal-only allegations out, says so, and marks complaints about them', () => {
    expect(dossier.allegations.map((a) => a.data.allegationId)).toEqual(['a1']);
    expect(dossier.withheld).toEqual({ internalAllegations: 1, anonymisedAllegations: 0 });
    expect(JSON.stringify(dossier)).not.toContain('cellmate');
    expect(dossier.complaints.map((c) => [c.complaintId, c.allegationWithheld])).toEqual([
      ['k1', false],
      ['k2', true],
    ]);
  });

  it('leaves anonymised allegations out of the named dossier too, counts them and withholds what quotes them', () => {
    const anonymised = facts.map((f) =>
      f.event.type === 'TortureAllegationRecorded' && f.event.data.allegationId === 'a1'
        ? { ...f, event: { ...f.event, data: { ...f.event.data, consent: 'anonymised' as const } } }
        : f,
    );
    const named = assembleDossier(anonymised, options);
    expect(named.allegations).toEqual([]);
    expect(named.withheld).toEqual({ internalAllegations: 1, anonymisedAllegations: 1 });
    const text = JSON.stringify(named);
    for (const testimony of ['broken rib', 'archive 118', 'mother threatened', 'family visited']) {
      expect(text).not.toContain(testimony);
    }
    expect(named.complaints.map((c) => [c.complaintId, c.allegationWithheld, c.reference])).toEqual([
      ['k1', true, '[withheld]'],
      ['k2', true, undefined],
    ]);
    expect(named.complaints[1].withdrawal?.reason).toBe('[withheld]');
    const internal = assembleDossier(anonymised, { ...options, includeInternal: true });
    expect(JSON.stringify(internal)).toContain('mother threatened');
  });

  it('includes them when asked to', () => {
    const full = assembleDossier(facts, { ...options, includeInternal: true });
    expect(full.allegations.map((a) => a.data.allegationId)).toEqual(['a1', 'a2']);
    expect(full.withheld).toEqual({ internalAllegations: 0, anonymisedAllegations: 0 });
    expect(full.complaints.every((c) => !c.allegationWithheld)).toBe(true);
  });

  it('gives hearings with their duration and whether the defendant was heard', () => {
    expect(dossier.hearings.map((h) => [h.hearingId, h.status, h.durationMinutes, h.defendantHeard])).toEqual([
      ['h1', 'held', 4, false],
      ['h2', 'cancelled', undefined, undefined],
    ]);
    expect(dossier.hearings[0].records.map((r) => r.type)).toEqual([
      'HearingScheduled',
      'HearingRescheduled',
      'HearingHeld',
    ]);
  });

  it('gives the custody chain and the charges in the order things happened', () => {
    expect(dossier.custody.map((r) => r.type)).toEqual([
      'DetentionRecorded',
      'WhereaboutsUnknownReported',
      'DetaineeTransferred',
      'PreventiveMeasureImposed',
      'PreventiveMeasureExtended',
      'ReleasedToHouseArrest',
      'Released',
    ]);
    expect(dossier.charges.map((c) => [c.chargeId, c.article, c.status])).toEqual([
      ['c1', '274', 'active'],
      ['c2', '488', 'dropped'],
    ]);
  });

  it('states the detainee, the situation and is plain JSON', () => {
    expect(dossier.detainee).toMatchObject({ fullName: 'Жолатов Арман Серикович', source: { kind: 'relative' } });
    expect(dossier.situation).toMatchObject({ status: 'deceased', closed: false });
    expect(JSON.parse(JSON.stringify(dossier))).toEqual(dossier);
  });
});
