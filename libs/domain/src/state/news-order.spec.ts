import type { CaseCommand } from '../commands/case-commands';
import type { CaseEvent, CaseEventType } from '../events/case-events';
import {
  chargeBrought,
  chargeDropped,
  detained,
  died,
  hearingHeld,
  hearingScheduled,
  measureImposed,
  missing,
  opened,
  released,
  releasedToHouseArrest,
  retracted,
  transferred,
} from '../testing/fixtures';
import { at, given, stateOf } from '../testing/specification';

/*
 * Issue 12, any order of news: every pair of facts that can be recorded in the other order than they happened.
 * `given` lists facts in the order they were recorded; `at` says when each happened. The status follows the facts
 * in occurredAt order whatever the order of recording, and only real contradictions at the time a fact occurred
 * (a fact after a recorded death, a second outcome of one hearing) are refused.
 */

const JAN = (day: number): string => `2022-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

const release: CaseCommand = { type: 'Release', grounds: 'charges_dropped' };
const releasedEvent: CaseEvent = { type: 'Released', data: { grounds: 'charges_dropped' } };
const detain: CaseCommand = { type: 'RecordDetention', authority: 'police' };
const scheduleHearing = (scheduledAt: string): CaseCommand => ({
  type: 'ScheduleHearing',
  hearingId: 'h1',
  kind: 'preventive_measure',
  court: 'Almaty district court',
  scheduledAt,
});
const toSizo: CaseCommand = {
  type: 'TransferDetainee',
  facility: { code: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' },
};

describe('release before detention', () => {
  it('accepts a release as the first news of a custody, which it implies', () => {
    given(opened())
      .when(release, { occurredAt: JAN(10) })
      .then(releasedEvent);
    expect(stateOf(opened(), at(released(), JAN(10))).status).toBe('released');
  });

  it('accepts the detention learnt afterwards, and the person stays released', () => {
    const facts = [opened(), at(released(), JAN(10))];
    given(...facts)
      .when(detain, { occurredAt: JAN(6) })
      .then({ type: 'DetentionRecorded', data: { authority: 'police' } });
    expect(stateOf(...facts, at(detained(), JAN(6))).status).toBe('released');
  });

  it('takes a detention that occurred after the release as a new custody', () => {
    given(opened(), at(released(), JAN(10)))
      .when(detain, { occurredAt: JAN(12) })
      .thenEmits('DetentionRecorded');
    expect(stateOf(opened(), at(released(), JAN(10)), at(detained(), JAN(12))).status).toBe('in_police_custody');
  });
});

describe('house arrest, measure, transfer or hearing as the first news', () => {
  it('a house arrest implies the custody it ends', () => {
    given(opened())
      .when({ type: 'ReleaseToHouseArrest' }, { occurredAt: JAN(9) })
      .then({ type: 'ReleasedToHouseArrest', data: {} });
    expect(stateOf(opened(), at(releasedToHouseArrest(), JAN(9))).status).toBe('house_arrest');
  });

  it('a pre-trial detention ordered before any detention is recorded holds the person', () => {
    given(opened())
      .when({ type: 'ImposePreventiveMeasure', measure: 'pretrial_detention' }, { occurredAt: JAN(8) })
      .thenEmits('PreventiveMeasureImposed');
    expect(stateOf(opened(), at(measureImposed('pretrial_detention'), JAN(8))).status).toBe('in_pretrial_detention');
  });

  it('an extension of a detention heard of before anything else holds the person until its new end', () => {
    const extension: CaseEvent = {
      type: 'PreventiveMeasureExtended',
      data: { until: JAN(30), measure: 'pretrial_detention' },
    };
    given(opened())
      .when({ type: 'ExtendPreventiveMeasure', until: JAN(30), measure: 'pretrial_detention' }, { occurredAt: JAN(8) })
      .thenEmits('PreventiveMeasureExtended');
    const state = stateOf(opened(), at(extension, JAN(8)));
    expect(state.status).toBe('in_pretrial_detention');
    expect(state.measure).toMatchObject({ measure: 'pretrial_detention', until: JAN(30) });
    expect(state.measureHistory.map((change) => change.change)).toEqual(['extended']);
    // The imposition learnt afterwards takes its place before the extension.
    const learnt = stateOf(opened(), at(extension, JAN(8)), at(measureImposed('pretrial_detention', JAN(10)), JAN(6)));
    expect(learnt.measure).toMatchObject({ measure: 'pretrial_detention', until: JAN(30) });
    expect(learnt.measureHistory.map((change) => change.change)).toEqual(['imposed', 'extended']);
  });

  it('a transfer known by its code only places the person', () => {
    given(opened())
      .when(toSizo, { occurredAt: JAN(8) })
      .thenEmits('DetaineeTransferred');
    expect(stateOf(opened(), at(transferred('pretrial_detention'), JAN(8))).status).toBe('in_pretrial_detention');
  });

  it('a hearing is accepted before anything about custody, and says nothing about it', () => {
    const schedule = scheduleHearing(JAN(7));
    given(opened())
      .when(schedule, { occurredAt: JAN(6) })
      .thenEmits('HearingScheduled');
    expect(stateOf(opened(), at(hearingScheduled('h1', JAN(7)), JAN(6))).status).toBe('reported');
  });
});

describe('transfer before the missing report is resolved', () => {
  it('a transfer after the person went missing finds them', () => {
    given(opened(), at(detained(), JAN(5)), at(missing(), JAN(6)))
      .when(toSizo, { occurredAt: JAN(14) })
      .thenEmits('DetaineeTransferred');
    const state = stateOf(
      opened(),
      at(detained(), JAN(5)),
      at(missing(), JAN(6)),
      at(transferred('pretrial_detention'), JAN(14)),
    );
    expect(state.status).toBe('in_pretrial_detention');
  });

  it('a transfer learnt late that occurred before the person went missing leaves them missing', () => {
    const state = stateOf(opened(), at(missing(), JAN(6)), at(transferred('temporary_detention'), JAN(5)));
    expect(state.status).toBe('missing');
    expect(state.heldAs).toBe('in_police_custody');
  });

  it('a missing report learnt late, older than the transfer, does not lose the person again', () => {
    const state = stateOf(opened(), at(transferred('pretrial_detention'), JAN(14)), at(missing(), JAN(6)));
    expect(state.status).toBe('in_pretrial_detention');
  });
});

describe('death reported before facts that happened earlier', () => {
  const death = at(died(), JAN(10));

  it('accepts a hearing held before the death, scheduled and recorded after the death was', () => {
    const schedule = scheduleHearing(JAN(8));
    // Recorded now, long after the death: the hearing itself took place before it.
    given(opened(), death).when(schedule).thenEmits('HearingScheduled');
    given(opened(), death, hearingScheduled('h1', JAN(8)))
      .when({ type: 'RecordHearingOutcome', hearingId: 'h1', outcome: 'detention extended' }, { occurredAt: JAN(8) })
      .thenEmits('HearingHeld');
  });

  it('refuses a hearing both decided and set after the death', () => {
    const schedule = scheduleHearing(JAN(20));
    given(opened(), death)
      .when(schedule, { occurredAt: JAN(12) })
      .thenError('DETAINEE_DECEASED');
  });

  const custodyFacts: Array<[string, CaseCommand, CaseEventType]> = [
    ['a detention', detain, 'DetentionRecorded'],
    ['a transfer', toSizo, 'DetaineeTransferred'],
    ['a release', release, 'Released'],
    ['a house arrest', { type: 'ReleaseToHouseArrest' }, 'ReleasedToHouseArrest'],
    [
      'a custodial measure',
      { type: 'ImposePreventiveMeasure', measure: 'pretrial_detention' },
      'PreventiveMeasureImposed',
    ],
  ];

  it.each(custodyFacts)('accepts %s that occurred before the death', (_name, command, type) => {
    given(opened(), death)
      .when(command, { occurredAt: JAN(8) })
      .thenEmits(type);
  });

  it.each(custodyFacts)('refuses %s that occurred after the death, judged at its occurredAt', (_name, command) => {
    given(opened(), death)
      .when(command, { occurredAt: JAN(11) })
      .thenError('DETAINEE_DECEASED');
  });

  it('keeps the person deceased whatever earlier fact arrives after the death', () => {
    expect(stateOf(opened(), death, at(detained(), JAN(6))).status).toBe('deceased');
    expect(stateOf(opened(), death, at(released(), JAN(8))).status).toBe('deceased');
  });
});

describe('a retraction of the first news', () => {
  it('a release that was the first news, retracted, leaves the case as reported', () => {
    given(opened(), at(released(), JAN(10)))
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'another person of the same name' })
      .thenEmits('FactRetracted');
    expect(stateOf(opened(), at(released(), JAN(10)), retracted('e2')).status).toBe('reported');
  });

  it('a detention that was the first news, retracted, leaves the later release standing', () => {
    const state = stateOf(opened(), at(detained(), JAN(6)), at(released(), JAN(10)), retracted('e2'));
    expect(state.status).toBe('released');
  });

  it('the retracted release no longer stands in the way of a release recorded at the same instant', () => {
    given(opened(), at(released(), JAN(10)), retracted('e2'))
      .when(release, { occurredAt: JAN(10) })
      .then(releasedEvent);
  });

  it('a retracted death no longer refuses what came after it', () => {
    given(opened(), at(died(), JAN(10)), retracted('e2'))
      .when(release, { occurredAt: JAN(11) })
      .then(releasedEvent);
  });
});

describe('real contradictions stay refused', () => {
  it('a second outcome of one hearing', () => {
    given(opened(), hearingScheduled('h1'), hearingHeld('h1'))
      .when({ type: 'RecordHearingOutcome', hearingId: 'h1', outcome: 'again' })
      .thenError('HEARING_ALREADY_HELD');
  });

  it('a second death', () => {
    given(opened(), at(died(), JAN(10)))
      .when({ type: 'RecordDeath', circumstances: 'unknown' }, { occurredAt: JAN(12) })
      .thenError('ALREADY_DECEASED');
  });
});

describe('charges: requalification and drop in either order', () => {
  const requalify: CaseCommand = { type: 'RequalifyCharge', chargeId: 'c1', article: '269' };

  it('accepts a requalification that occurred before the drop recorded earlier', () => {
    given(opened(), at(chargeBrought('c1'), JAN(6)), at(chargeDropped('c1'), JAN(20)))
      .when(requalify, { occurredAt: JAN(12) })
      .thenEmits('ChargeRequalified');
  });

  it('refuses a requalification or a second drop after the drop', () => {
    const facts = [opened(), at(chargeBrought('c1'), JAN(6)), at(chargeDropped('c1'), JAN(20))];
    given(...facts)
      .when(requalify, { occurredAt: JAN(21) })
      .thenError('CHARGE_NOT_ACTIVE');
    given(...facts)
      .when({ type: 'DropCharge', chargeId: 'c1', reason: 'twice' }, { occurredAt: JAN(22) })
      .thenError('CHARGE_NOT_ACTIVE');
  });
});
