import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_EVENT_TYPES, type CaseEventType, foldFacts, type CaseState } from '@casetrack/domain';
import { type RecordedEvent, toCaseFact, verifyStreamChain } from '@casetrack/event-store';

/**
 * Events already stored must keep reading. `case-streams-v1.json` holds two case streams as the code of
 * November 2026 wrote them (rows of the events table: type, data, metadata with schemaVersion and the hash chain),
 * with every event type. It was generated once and is never regenerated: a change of an event's shape that forgets
 * its upcaster, or a fold that stops understanding an old vocabulary, fails here.
 */
const FIXTURE = join(__dirname, '..', 'fixtures', 'case-streams-v1.json');
const rows = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { streams: RecordedEvent[] }).streams;

const STORY = 'case-c0a5e000-0000-4000-8000-000000000001';
const ERASED = 'case-c0a5e000-0000-4000-8000-000000000002';

function fold(streamId: string): CaseState {
  return foldFacts(rows.filter((row) => row.streamId === streamId).map(toCaseFact));
}

describe('streams written by earlier code', () => {
  it('hold every event type of their time, each one still known', () => {
    const stored = new Set(rows.map((row) => row.type));

    // The 32 types of November 2026; types added later are not in these streams, and no type may disappear.
    expect(stored.size).toBe(32);
    expect([...stored].filter((type) => !CASE_EVENT_TYPES.includes(type as CaseEventType))).toEqual([]);
  });

  it('are still intact hash chains', () => {
    expect(verifyStreamChain(rows.filter((row) => row.streamId === STORY))).toBeNull();
    expect(verifyStreamChain(rows.filter((row) => row.streamId === ERASED))).toBeNull();
  });

  it('fold into the case they told: person, custody, charges, hearings, allegations, complaints, the end', () => {
    const state = fold(STORY);

    expect(state.version).toBe(37);
    expect(state.detainee).toMatchObject({ fullName: 'Жолатов Арман Серикович', birthDate: '1994-03-12', sex: 'male' });
    expect(state.lawyers).toEqual({ 'lawyer-1': 'lead' });
    expect(state.status).toBe('deceased');
    expect(state.closed).toBe(false);
    expect(state.erased).toBe(false);
    expect(state.detentions).toEqual([expect.objectContaining({ city: 'Almaty', place: 'Republic Square' })]);
    expect(state.transfers.map((t) => t.facility.code)).toEqual(['SI-18']);
    expect(state.charges.c1).toMatchObject({ status: 'active', article: '274', title: 'False information' });
    expect(state.charges.c1.previousQualifications).toEqual([
      expect.objectContaining({ article: '272', part: '2', title: 'Mass disorder' }),
    ]);
    expect(state.charges.c2).toMatchObject({ status: 'dropped', droppedReason: 'time-barred' });
    expect(state.administrativeSanctions).toEqual([expect.objectContaining({ kind: 'fine', amount: 36920 })]);
    expect(state.hearings.h1).toMatchObject({ status: 'held', outcome: 'pre-trial detention', durationMinutes: 4 });
    expect(state.hearings.h1.previousScheduledAt).toEqual(['2022-01-10T10:00:00.000Z']);
    expect(state.hearings.h2).toMatchObject({ status: 'cancelled', cancelReason: 'appeal withdrawn' });
    expect(Object.keys(state.allegations).sort()).toEqual(['a1', 'a2']);
    expect(state.allegations.a1).toMatchObject({ methods: ['beating', 'suffocation'], consent: 'full' });
    expect(state.complaints.k1).toMatchObject({
      status: 'answered',
      response: expect.objectContaining({ outcome: 'refused' }),
    });
    expect(state.complaints.k1.pressure).toEqual([
      expect.objectContaining({ details: 'mother threatened with prosecution' }),
    ]);
    expect(state.complaints.k2).toMatchObject({ status: 'withdrawn' });
    // The second denial was retracted ("recorded on the wrong case"); only the lawyer's stays.
    expect(state.accessDenials.map((d) => d.who)).toEqual(['lawyer']);
    expect(state.medicalFacts).toEqual([expect.objectContaining({ kind: 'need', details: 'insulin twice a day' })]);
    expect(state.verdict).toMatchObject({ outcome: 'convicted', sentence: { kind: 'restricted_freedom', months: 24 } });
    expect(state.death).toMatchObject({ circumstances: 'after_release', details: 'heart failure' });
    expect(state.notes.map((n) => n.text)).toEqual(['Family asked to be called first']);
  });

  it('keep their times and precision', () => {
    const facts = rows.filter((row) => row.streamId === STORY).map(toCaseFact);

    expect(facts[0].meta).toMatchObject({
      occurredAt: '2022-01-07T10:00:00.000Z',
      occurredAtPrecision: 'day',
      recordedAt: '2022-01-07T12:00:00.000Z',
      actorRole: 'lawyer',
    });
    expect(facts[1].meta.occurredAtPrecision).toBe('exact');
  });

  it('read an erased case as erased', () => {
    const state = fold(ERASED);

    expect(state.erased).toBe(true);
    expect(state.version).toBe(2);
  });
});

/**
 * `case-streams-v2.json`: four streams recorded through the API of 30 November 2026 (issue 12), after the event types
 * that came with "the record follows the field", read back as the application reads them (sensitive fields opened)
 * and chained as an unsealed store would chain them. Generated once, never regenerated, like v1.
 */
describe('streams written by the code of issue 12', () => {
  const V2 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'case-streams-v2.json'), 'utf8')) as {
    streams: RecordedEvent[];
    cases: { story: string; duplicate: string; relative: string; erased: string };
  };
  const streamOf = (caseId: string): RecordedEvent[] => V2.streams.filter((row) => row.streamId === `case-${caseId}`);
  const foldV2 = (caseId: string): CaseState => foldFacts(streamOf(caseId).map(toCaseFact));

  it('hold every event type of their time, each one still known', () => {
    const stored = new Set(V2.streams.map((row) => row.type));

    expect(stored.size).toBe(39);
    expect([...stored].filter((type) => !CASE_EVENT_TYPES.includes(type as CaseEventType))).toEqual([]);
  });

  it('are still intact hash chains', () => {
    for (const caseId of Object.values(V2.cases)) expect(verifyStreamChain(streamOf(caseId))).toBeNull();
  });

  it('fold into the person as corrected, with every spelling, including the merged duplicate’s', () => {
    const state = foldV2(V2.cases.story);

    expect(state.version).toBe(44);
    expect(state.detainee).toMatchObject({
      fullName: 'Қайрат Мұратұлы Сейітов',
      birthDate: '1990-04-02',
      occupation: 'Welder',
      publicRoles: ['activist', 'blogger'],
      nameVariants: ['Kairat Seitov', 'Кайрат Сеитов', 'Kairat Seytov'],
    });
    expect(state.mergedDuplicates).toEqual([V2.cases.duplicate]);
    expect(state.links).toEqual([expect.objectContaining({ caseId: V2.cases.relative, relation: 'relative' })]);
  });

  it('fold the news in the order it happened, with the precision it was known with', () => {
    const state = foldV2(V2.cases.story);

    // The release was the first news; the detention recorded after it did not undo it.
    expect(state.releasedAt).toBe('2022-01-11T18:00:00.000Z');
    expect(state.transfers).toEqual([
      expect.objectContaining({ occurredAtPrecision: 'day', occurredOn: '2022-01-09', facility: expect.any(Object) }),
    ]);
    expect(state.transfers[0].facility).toEqual({ city: 'Aktau', code: 'SI-18', kind: 'pretrial_detention' });
    expect(state.detentions).toEqual([expect.objectContaining({ authority: 'police' })]);
    expect(state.detentions[0]).not.toHaveProperty('place');
    expect(state.status).toBe('deceased');
    expect(state.death).toMatchObject({
      occurredAtPrecision: 'month',
      occurredOn: '2023-05',
      causes: ['medical_neglect'],
      circumstances: 'after_release',
    });
  });

  it('fold what happens to people: access that ends, pressure, accounts of torture, a lawyer who left', () => {
    const state = foldV2(V2.cases.story);

    expect(state.accessDenials).toEqual([
      expect.objectContaining({ who: 'lawyer', until: expect.any(String) as string, untilPrecision: 'exact' }),
    ]);
    expect(state.pressure).toEqual([
      expect.objectContaining({ kind: 'threat_to_family', details: 'mother told to keep silent' }),
    ]);
    expect(Object.values(state.allegations)).toContainEqual(
      expect.objectContaining({ account: 'kept hooded overnight', methods: ['beating', 'hooding'] }),
    );
    expect(Object.values(state.lawyers)).toEqual(['lead']);
    expect(state.administrativeSanctions).toEqual([expect.objectContaining({ kind: 'arrest', days: 10 })]);
    expect(state.notes.map((note) => note.text)).toEqual(['Family asked to be called first']);
  });

  it('read the duplicate as merged into the survivor, and the erased case as erased', () => {
    expect(foldV2(V2.cases.duplicate)).toMatchObject({ closed: true, mergedInto: V2.cases.story });
    expect(foldV2(V2.cases.erased)).toMatchObject({ erased: true, version: 2 });
  });
});
