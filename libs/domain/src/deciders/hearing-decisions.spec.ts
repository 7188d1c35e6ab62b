import type { HearingDecision, HearingDetails, RecordHearingDecision } from '../commands/case-commands';
import type { CaseEvent } from '../events/case-events';
import { isDomainError } from '../errors';
import { foldFacts } from '../state/evolve';
import { closed, detained, died, hearingHeld, hearingScheduled, opened } from '../testing/fixtures';
import { at, context, given, stateOf, toFacts, type Given } from '../testing/specification';
import { decide } from './decide';

const UNTIL = '2022-04-30T00:00:00.000Z';
const heard: HearingDetails = { durationMinutes: 3, defendantHeard: true, lawyerPresent: false };

function decision(kind: HearingDecision, details: HearingDetails = heard): RecordHearingDecision {
  return { type: 'RecordHearingDecision', hearingId: 'h1', decision: kind, details };
}

function heldAs(outcome: string, details: HearingDetails = heard): CaseEvent {
  return { type: 'HearingHeld', data: { hearingId: 'h1', outcome, ...details } };
}

const scheduled: Given[] = [opened(), detained(), hearingScheduled('h1')];

describe('RecordHearingDecision', () => {
  it('detention ordered: the hearing held and pre-trial detention until the date, decided at it', () => {
    given(...scheduled)
      .when(decision({ kind: 'detention_ordered', until: UNTIL }))
      .then(heldAs('detention_ordered'), {
        type: 'PreventiveMeasureImposed',
        data: { measure: 'pretrial_detention', until: UNTIL, hearingId: 'h1' },
      });
  });

  it('house arrest: the measure without an end when none was said', () => {
    given(...scheduled)
      .when(decision({ kind: 'house_arrest' }, {}))
      .then(
        { type: 'HearingHeld', data: { hearingId: 'h1', outcome: 'house_arrest' } },
        { type: 'PreventiveMeasureImposed', data: { measure: 'house_arrest', hearingId: 'h1' } },
      );
  });

  it('released: the hearing held and the release on its grounds', () => {
    given(...scheduled)
      .when(decision({ kind: 'released', grounds: 'charges_dropped' }))
      .then(heldAs('released'), { type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  it('administrative arrest: the hearing held and an arrest of N days', () => {
    given(...scheduled)
      .when(decision({ kind: 'administrative_arrest', days: 15 }))
      .then(heldAs('administrative_arrest'), {
        type: 'AdministrativeSanctionImposed',
        data: { kind: 'arrest', days: 15 },
      });
  });

  it('fine: the hearing held and a fine, its amount when known', () => {
    given(...scheduled)
      .when(decision({ kind: 'fine', amount: 150000, currency: 'KZT' }))
      .then(heldAs('fine'), {
        type: 'AdministrativeSanctionImposed',
        data: { kind: 'fine', amount: 150000, currency: 'KZT' },
      });
  });

  it('other: the hearing held only, its notes kept', () => {
    given(...scheduled)
      .when(decision({ kind: 'other' }, { notes: 'returned to the prosecutor' }))
      .then(heldAs('other', { notes: 'returned to the prosecutor' }));
  });

  it('postponed: a reschedule to the new time, the hearing still to be held', () => {
    given(...scheduled)
      .when(decision({ kind: 'postponed', scheduledAt: '2022-03-10T05:00:00.000Z' }, {}))
      .then({ type: 'HearingRescheduled', data: { hearingId: 'h1', scheduledAt: '2022-03-10T05:00:00.000Z' } });
  });

  it('postponed with how the hearing went is refused: a postponed hearing was not held', () => {
    given(...scheduled)
      .when(decision({ kind: 'postponed', scheduledAt: '2022-03-10T05:00:00.000Z' }, { lawyerPresent: true }))
      .thenError('POSTPONED_NOT_HELD');
  });

  it('refuses the whole decision when what it ordered is refused (nothing of the hearing is kept)', () => {
    given(...scheduled)
      .when(decision({ kind: 'detention_ordered', until: '2022-02-01T00:00:00.000Z' }))
      .thenError('MEASURE_END_BEFORE_START');
  });

  it('refuses the whole decision when the release comes after a recorded death', () => {
    given(...scheduled, at(died(), '2022-02-01T00:00:00.000Z'))
      .when(decision({ kind: 'released' }))
      .thenError('DETAINEE_DECEASED');
  });

  it('refuses a decision on a hearing already held, or not in the case', () => {
    given(...scheduled, hearingHeld('h1'))
      .when(decision({ kind: 'other' }))
      .thenError('HEARING_ALREADY_HELD');
    given(opened())
      .when(decision({ kind: 'fine' }))
      .thenError('HEARING_NOT_FOUND');
  });

  it('refuses a decision on a closed case', () => {
    given(...scheduled, closed())
      .when(decision({ kind: 'other' }))
      .thenError('CASE_CLOSED');
  });

  it('decides each fact on the case as the fact before it left it: the fold shows both', () => {
    const result = decide(decision({ kind: 'detention_ordered', until: UNTIL }), stateOf(...scheduled), context());
    if (isDomainError(result)) throw new Error(result.code);
    const after = foldFacts(toFacts([...scheduled, ...result]));
    expect(after.hearings.h1.status).toBe('held');
    expect(after.status).toBe('in_pretrial_detention');
    expect(after.measure).toMatchObject({ measure: 'pretrial_detention', until: UNTIL });
  });
});
