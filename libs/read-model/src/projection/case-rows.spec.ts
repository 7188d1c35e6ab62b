import { type CaseEvent, type CaseFact, evolve, foldFacts, initialCaseState } from '@casetrack/domain';
import { caseRows } from './case-rows';

const CASE_ID = '6f1c1c1e-6a4f-4a51-9e4b-2f3c9a7d0001';

function facts(events: Array<[CaseEvent, string]>): CaseFact[] {
  return events.map(([event, occurredAt], i) => ({
    event,
    meta: {
      eventId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      version: i + 1,
      occurredAt,
      occurredAtPrecision: 'exact',
      recordedAt: `2022-01-10T00:00:${String(i).padStart(2, '0')}.000Z`,
      actorId: 'u1',
      actorRole: 'lawyer',
    },
  }));
}

const story = facts([
  [
    {
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: 'Arman  Zholatov',
          nameVariants: ['Жолатов'],
          sex: 'male',
          city: 'Almaty',
          vulnerabilities: [],
        },
        source: { kind: 'relative' },
      },
    },
    '2022-01-05T10:00:00.000Z',
  ],
  [{ type: 'Released', data: { grounds: 'other' } }, '2022-01-08T10:00:00.000Z'],
  // Late news: a detention that happened before the release, recorded after it.
  [
    { type: 'DetentionRecorded', data: { city: 'Almaty', place: 'square', authority: 'police' } },
    '2022-01-06T10:00:00.000Z',
  ],
  [
    {
      type: 'HearingScheduled',
      data: { hearingId: 'h1', kind: 'trial', court: 'District court', scheduledAt: '2022-02-01T05:00:00.000Z' },
    },
    '2022-01-09T10:00:00.000Z',
  ],
  [
    { type: 'FactRetracted', data: { eventId: '00000000-0000-4000-8000-000000000004', reason: 'wrong' } },
    '2022-01-09T11:00:00.000Z',
  ],
]);

describe('caseRows', () => {
  it('gives no rows for a case that was never opened', () => {
    expect(caseRows(CASE_ID, initialCaseState)).toBeNull();
  });

  it('derives the same rows from a state folded fact by fact as from one folded at once', () => {
    const incremental = story.reduce(evolve, initialCaseState);
    expect(caseRows(CASE_ID, incremental)).toEqual(caseRows(CASE_ID, foldFacts(story)));
  });

  it('reflects late news and retractions through the fold', () => {
    const rows = caseRows(CASE_ID, foldFacts(story));
    expect(rows?.case).toMatchObject({ status: 'released', version: 5, name_keys: 'arman zholatov' });
    expect(rows?.case.last_recorded_at).toBe('2022-01-10T00:00:04.000Z');
    expect(rows?.hearings).toEqual([]);
  });

  it('keeps what is unknown as null, never as a value: city, place, article, facility name (issue 12)', () => {
    const unknowns = facts([
      [
        {
          type: 'CaseOpened',
          data: {
            detainee: { fullName: 'Bolat', nameVariants: [], sex: 'male', vulnerabilities: [] },
            source: { kind: 'relative' },
          },
        },
        '2022-01-05T10:00:00.000Z',
      ],
      [{ type: 'DetentionRecorded', data: { authority: 'unknown' } }, '2022-01-06T10:00:00.000Z'],
      [
        {
          type: 'DetaineeTransferred',
          data: { facility: { code: 'SI-77', city: 'Shymkent', kind: 'pretrial_detention' } },
        },
        '2022-01-07T10:00:00.000Z',
      ],
      [{ type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal' } }, '2022-01-07T11:00:00.000Z'],
      [
        { type: 'ChargeBrought', data: { chargeId: 'c2', code: 'criminal', article: '272' } },
        '2022-01-07T12:00:00.000Z',
      ],
    ]);
    const row = caseRows(CASE_ID, foldFacts(unknowns))?.case;
    expect(row).toMatchObject({
      city: null,
      current_facility: { code: 'SI-77', name: null, city: 'Shymkent', kind: 'pretrial_detention' },
      facility_key: 'si-77',
      articles: ['272'],
    });
    expect(row?.charges.map((c) => c.article)).toEqual([null, '272']);
    expect(row?.detail.detentions).toEqual([
      {
        occurredAt: '2022-01-06T10:00:00.000Z',
        occurredAtPrecision: 'exact',
        occurredOn: null,
        city: null,
        place: null,
        authority: 'unknown',
      },
    ]);
  });

  it('is unchanged by folding the same facts again', () => {
    const once = story.reduce(evolve, initialCaseState);
    expect(caseRows(CASE_ID, story.reduce(evolve, once))).toEqual(caseRows(CASE_ID, once));
  });
});
