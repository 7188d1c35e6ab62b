import type { CaseEvent } from '../events/case-events';
import { foldFacts } from '../state/evolve';
import { detained, missing, opened, released, retracted, transferred } from '../testing/fixtures';
import { toFacts, withMeta } from '../testing/specification';
import { caseHistory } from './case-history';

/**
 * Late news and a retraction, hand-computed on both axes. Occurred (O) and recorded (R) times:
 *
 *   v1 CaseOpened            O Jan 7 09:00  R Jan 7 09:00
 *   v2 DetentionRecorded     O Jan 6 18:00  R Jan 7 10:00   (happened before the case was opened)
 *   v3 Transferred to SI-18  O Jan 9 12:00  R Jan 10 08:00
 *   v4 WhereaboutsUnknown    O Jan 8 09:00  R Jan 11 08:00  (late news: between the detention and the transfer)
 *   v5 Released              O Jan 12 15:00 R Jan 13 08:00
 *   v6 FactRetracted v5      O Jan 14 08:00 R Jan 14 08:00  (the release was a false report)
 */
const jan = (day: number, hour: number): string => new Date(Date.UTC(2022, 0, day, hour)).toISOString();
const fact = (event: CaseEvent, occurredAt: string, recordedAt: string) => withMeta(event, { occurredAt, recordedAt });
const facts = toFacts([
  fact(opened(), jan(7, 9), jan(7, 9)),
  fact(detained(), jan(6, 18), jan(7, 10)),
  fact(transferred('pretrial_detention', 'SI-18'), jan(9, 12), jan(10, 8)),
  fact(missing(), jan(8, 9), jan(11, 8)),
  fact(released(), jan(12, 15), jan(13, 8)),
  fact(retracted('e5'), jan(14, 8), jan(14, 8)),
]);
const now = foldFacts(facts);
const at = (asOf: string, axis: 'recorded' | 'occurred') => caseHistory(now, asOf, axis);

describe('case history on the recorded axis: what we knew then', () => {
  it.each([
    ['before the case was reported', jan(7, 8), { exists: false, status: 'reported', version: 0, eventsIncluded: 0 }],
    ['once it was opened', jan(7, 9), { exists: true, status: 'reported', version: 1, eventsIncluded: 1 }],
    ['after the detention was reported', jan(8, 0), { status: 'in_police_custody', version: 2, eventsIncluded: 2 }],
    ['after the transfer', jan(10, 9), { status: 'in_pretrial_detention', version: 3 }],
    // The late report of Jan 8 is older than the transfer of Jan 9: it does not make the detainee missing again.
    ['after the late news', jan(11, 9), { status: 'in_pretrial_detention', version: 4, eventsIncluded: 4 }],
    ['after the release was reported', jan(13, 9), { status: 'released', version: 5 }],
    ['after the retraction', jan(15, 0), { status: 'in_pretrial_detention', version: 6, eventsIncluded: 6 }],
  ])('%s', (_, asOf, expected) => {
    expect(at(asOf, 'recorded')).toMatchObject({ ...expected, axis: 'recorded', asOf });
  });

  it('the facility follows: unknown after the detention, SI-18 after the transfer, kept after the retraction', () => {
    expect(at(jan(8, 0), 'recorded').currentFacility).toBeNull();
    expect(at(jan(11, 9), 'recorded').currentFacility).toMatchObject({ name: 'SI-18' });
    expect(at(jan(13, 9), 'recorded').currentFacility).toBeNull();
    expect(at(jan(15, 0), 'recorded').currentFacility).toMatchObject({ name: 'SI-18' });
  });

  it('lists the facts withdrawn by then', () => {
    expect(at(jan(13, 9), 'recorded').retractedEventIds).toEqual([]);
    expect(at(jan(15, 0), 'recorded').retractedEventIds).toEqual(['e5']);
  });
});

describe('case history on the occurred axis: what had happened by then, as we know it now', () => {
  it.each([
    // The opening and the retraction always count on this axis: the case is known, the release known false.
    ['before anything happened', jan(6, 12), { exists: true, status: 'reported', eventsIncluded: 2 }],
    ['after the detention', jan(7, 0), { status: 'in_police_custody', eventsIncluded: 3 }],
    ['while nobody knew where he was', jan(8, 12), { status: 'missing', currentFacility: null }],
    ['after the transfer', jan(10, 0), { status: 'in_pretrial_detention', eventsIncluded: 5 }],
    // The release of Jan 12 was retracted on Jan 14: as we know it now, he was never released.
    ['after the retracted release', jan(13, 0), { status: 'in_pretrial_detention', eventsIncluded: 6, version: 6 }],
  ])('%s', (_, asOf, expected) => {
    expect(at(asOf, 'occurred')).toMatchObject({ ...expected, axis: 'occurred' });
  });

  it('at the same instant the two axes differ', () => {
    expect(at(jan(8, 12), 'recorded')).toMatchObject({ status: 'in_police_custody', version: 2 });
    expect(at(jan(8, 12), 'occurred')).toMatchObject({ status: 'missing' });
    expect(at(jan(13, 9), 'recorded').status).toBe('released');
    expect(at(jan(13, 9), 'occurred').status).toBe('in_pretrial_detention');
  });
});

describe('the history answer', () => {
  it('has no fold bookkeeping and states asOf in UTC', () => {
    const answer = at('2022-01-10T14:00:00+05:00', 'recorded');
    expect(answer).not.toHaveProperty('facts');
    expect(answer).not.toHaveProperty('factIds');
    expect(answer.asOf).toBe('2022-01-10T09:00:00.000Z');
    expect(answer.detainee).toMatchObject({ fullName: 'Zholatov Arman' });
  });
});
