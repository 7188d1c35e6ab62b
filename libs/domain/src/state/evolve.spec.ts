import type { CaseEvent, CaseFact } from '../events/case-events';
import {
  allegation,
  chargeBrought,
  chargeDropped,
  closed,
  complaintAnswered,
  complaintFiled,
  complaintWithdrawn,
  detained,
  died,
  hearingCancelled,
  hearingHeld,
  hearingScheduled,
  lawyerAssigned,
  measureImposed,
  medical,
  missing,
  note,
  opened,
  released,
  reopened,
  retracted,
  sanction,
  transferred,
  verdict,
} from '../testing/fixtures';
import { at, stateOf, toFacts, withMeta, type Given } from '../testing/specification';
import { initialCaseState } from './case-state';
import { evolve, foldFacts, stateAsOf } from './evolve';

const foldOneByOne = (facts: readonly CaseFact[]) => facts.reduce(evolve, initialCaseState);

describe('what the case holds', () => {
  it('the initial state is an empty, non-existing case', () => {
    expect(foldFacts([])).toEqual(initialCaseState);
    expect(initialCaseState).toMatchObject({ exists: false, version: 0, facts: [] });
  });

  it('opening keeps the detainee, the source and the vulnerabilities', () => {
    const open: CaseEvent = {
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: 'Жолатов',
          nameVariants: ['Zholatov'],
          sex: 'male',
          city: 'Taraz',
          vulnerabilities: ['minor', 'wounded'],
        },
        source: { kind: 'ngo', reference: 'hotline #12' },
      },
    };
    const state = stateOf(withMeta(open, { occurredAt: '2022-01-07T00:00:00.000Z' }));
    expect(state).toMatchObject({
      exists: true,
      detainee: { fullName: 'Жолатов', city: 'Taraz' },
      source: { kind: 'ngo', reference: 'hotline #12' },
      vulnerabilities: ['minor', 'wounded'],
      openedAt: '2022-01-07T00:00:00.000Z',
      version: 1,
    });
  });

  it('lawyers: assigned, role changed, unassigned', () => {
    expect(stateOf(opened(), lawyerAssigned('l1', 'support'), lawyerAssigned('l2', 'lead')).lawyers).toEqual({
      l1: 'support',
      l2: 'lead',
    });
    expect(stateOf(opened(), lawyerAssigned('l1', 'support'), lawyerAssigned('l1', 'lead')).lawyers).toEqual({
      l1: 'lead',
    });
    expect(
      stateOf(opened(), lawyerAssigned('l1'), { type: 'LawyerUnassigned', data: { lawyerId: 'l1' } }).lawyers,
    ).toEqual({});
  });

  it('detentions are kept', () => {
    expect(stateOf(opened(), detained()).detentions).toEqual([
      {
        eventId: 'e2',
        occurredAt: expect.any(String),
        occurredAtPrecision: 'exact',
        city: 'Almaty',
        place: 'Republic Square',
        authority: 'police',
      },
    ]);
  });

  it('charges: brought, requalified (history kept, old part dropped), dropped', () => {
    const requalified: CaseEvent = { type: 'ChargeRequalified', data: { chargeId: 'c1', article: '274' } };
    const state = stateOf(opened(), chargeBrought('c1', '272'), requalified);
    expect(state.charges.c1).toEqual({
      chargeId: 'c1',
      code: 'criminal',
      article: '274',
      status: 'active',
      broughtAt: expect.any(String),
      previousQualifications: [{ article: '272', part: '2', title: 'Participation in mass disorder' }],
    });
    const dropped = stateOf(opened(), chargeBrought('c1'), chargeDropped('c1')).charges.c1;
    expect(dropped).toMatchObject({ status: 'dropped', droppedReason: 'no evidence', article: '272' });
  });

  it('an entry keeps the precision of its time and the writer’s day, so no reader prints an hour it does not have', () => {
    const detention = at(detained(), '2022-01-07T18:30:00.000Z', {
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-08',
    });

    expect(stateOf(opened(), detention).detentions[0]).toMatchObject({
      occurredAt: '2022-01-07T18:30:00.000Z',
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-08',
    });
  });

  it('administrative sanctions are kept', () => {
    expect(stateOf(opened(), sanction('fine')).administrativeSanctions).toEqual([
      { eventId: 'e2', occurredAt: expect.any(String), occurredAtPrecision: 'exact', kind: 'fine' },
    ]);
  });

  it('hearings: scheduled, rescheduled, cancelled, held', () => {
    const moved: CaseEvent = {
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: '2022-01-25T09:00:00.000Z' },
    };
    const state = stateOf(
      opened(),
      hearingScheduled('h1'),
      moved,
      hearingScheduled('h2'),
      hearingCancelled('h2'),
      hearingScheduled('h3'),
      hearingHeld('h3'),
    );
    expect(state.hearings.h1).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2022-01-25T09:00:00.000Z',
      previousScheduledAt: ['2022-01-20T09:00:00.000Z'],
      court: 'Almaty district court',
      kind: 'preventive_measure',
    });
    expect(state.hearings.h2).toMatchObject({ status: 'cancelled', cancelReason: 'judge ill' });
    expect(state.hearings.h3).toMatchObject({
      status: 'held',
      outcome: 'pre-trial detention for 2 months',
      durationMinutes: 4,
    });
  });

  it('a fact about an unknown hearing, charge or complaint is ignored', () => {
    const state = stateOf(opened(), hearingHeld('h9'), chargeDropped('c9'), complaintAnswered('k9'));
    expect(state).toMatchObject({ hearings: {}, charges: {}, complaints: {}, version: 4 });
  });

  it('allegations and complaints: filed, pressured, answered, withdrawn', () => {
    const pressure: CaseEvent = {
      type: 'ComplainantPressured',
      data: { complaintId: 'k1', details: 'visit by police' },
    };
    const state = stateOf(
      opened(),
      allegation('a1'),
      complaintFiled('k1', 'a1'),
      pressure,
      complaintAnswered('k1'),
      complaintFiled('k2'),
      complaintWithdrawn('k2'),
    );
    expect(state.allegations.a1).toMatchObject({ methods: ['beating'], consent: 'anonymised', eventId: 'e2' });
    expect(state.complaints.k1).toMatchObject({
      allegationId: 'a1',
      status: 'answered',
      response: { outcome: 'refused' },
      pressure: [{ details: 'visit by police', eventId: 'e4' }],
    });
    expect(state.complaints.k2).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'pressure' } });
  });

  it('access denials, medical facts and notes are kept', () => {
    const denial: CaseEvent = { type: 'AccessDenied', data: { who: 'lawyer', by: 'investigator' } };
    const state = stateOf(opened(), denial, medical('need'), note('x'));
    expect(state.accessDenials).toMatchObject([{ who: 'lawyer', by: 'investigator' }]);
    expect(state.medicalFacts).toMatchObject([{ kind: 'need', details: 'gunshot wound' }]);
    expect(state.notes).toMatchObject([{ text: 'x' }]);
  });

  it('closed and reopened', () => {
    expect(stateOf(opened(), closed()).closed).toBe(true);
    expect(stateOf(opened(), closed(), reopened()).closed).toBe(false);
  });

  it('every fact is known by id with its type and version', () => {
    const state = stateOf(opened(), detained());
    expect(state.factIds.toJSON()).toEqual({
      e1: { type: 'CaseOpened', version: 1, occurredAt: expect.any(String), retracted: false },
      e2: { type: 'DetentionRecorded', version: 2, occurredAt: expect.any(String), retracted: false },
    });
    expect(state.version).toBe(2);
  });
});

describe('retraction', () => {
  it('retracting a release puts the person back in custody, with the measure in force', () => {
    const state = stateOf(
      opened(),
      detained(),
      transferred('pretrial_detention'),
      measureImposed('pretrial_detention'),
      released(),
      retracted('e5'),
    );
    expect(state).toMatchObject({
      status: 'in_pretrial_detention',
      measure: { measure: 'pretrial_detention' },
      releasedAt: null,
    });
    expect(state.currentFacility?.kind).toBe('pretrial_detention');
  });

  it('retracting a hearing removes it', () => {
    expect(stateOf(opened(), hearingScheduled('h1'), retracted('e2')).hearings).toEqual({});
  });

  it('retracting a cancellation makes the hearing scheduled again', () => {
    expect(stateOf(opened(), hearingScheduled('h1'), hearingCancelled('h1'), retracted('e3')).hearings.h1?.status).toBe(
      'scheduled',
    );
  });

  it('retracting a charge removes it', () => {
    expect(stateOf(opened(), chargeBrought('c1'), retracted('e2')).charges).toEqual({});
  });

  it('retracting a dropping makes the charge active again', () => {
    expect(stateOf(opened(), chargeBrought('c1'), chargeDropped('c1'), retracted('e3')).charges.c1?.status).toBe(
      'active',
    );
  });

  it('retracting a death brings back the status before it', () => {
    expect(stateOf(opened(), detained(), died(), retracted('e3'))).toMatchObject({
      status: 'in_police_custody',
      death: null,
    });
  });

  it('retracting a transfer brings back the previous facility', () => {
    const state = stateOf(
      opened(),
      detained(),
      transferred('temporary_detention', 'IVS'),
      transferred('hospital'),
      retracted('e4'),
    );
    expect(state).toMatchObject({ status: 'in_police_custody', currentFacility: { name: 'IVS' } });
    expect(state.transfers).toHaveLength(1);
  });

  it('retracting a detention brings the case back to reported', () => {
    expect(stateOf(opened(), detained(), retracted('e2'))).toMatchObject({ status: 'reported', detentions: [] });
  });

  it('retracting an allegation removes it; a complaint about it stays', () => {
    const state = stateOf(opened(), allegation('a1'), complaintFiled('k1', 'a1'), retracted('e2'));
    expect(state.allegations).toEqual({});
    expect(state.complaints.k1?.status).toBe('awaiting');
  });

  it('retracting a verdict removes it and its effect on the status', () => {
    const state = stateOf(
      opened(),
      detained(),
      verdict({ outcome: 'convicted', sentence: { kind: 'imprisonment' } }),
      retracted('e3'),
    );
    expect(state).toMatchObject({ verdict: null, status: 'in_police_custody' });
  });

  it('the retracted fact stays known, marked retracted; the retraction is known too', () => {
    const state = stateOf(opened(), detained(), retracted('e2'));
    expect(state.factIds.get('e2')).toMatchObject({ type: 'DetentionRecorded', retracted: true });
    expect(state.factIds.get('e3')).toMatchObject({ type: 'FactRetracted', retracted: false });
    expect(state.facts).toHaveLength(3);
    expect(state.version).toBe(3);
  });

  it('facts after a retraction keep folding incrementally', () => {
    const state = stateOf(opened(), detained(), released(), retracted('e3'), transferred('pretrial_detention'), note());
    expect(state).toMatchObject({ status: 'in_pretrial_detention', version: 6 });
  });
});

describe('late and out-of-order news', () => {
  it('a detention recorded late, but that occurred before a release, does not put the person back in custody', () => {
    const state = stateOf(
      opened(),
      at(detained(), '2022-01-06T00:00:00.000Z'),
      at(released(), '2022-01-09T00:00:00.000Z'),
      at(transferred('temporary_detention'), '2022-01-07T00:00:00.000Z'),
    );
    expect(state).toMatchObject({ status: 'released', currentFacility: null, version: 4 });
    expect(state.transfers).toHaveLength(1);
  });

  it('a detention that occurred before the case was reported still counts', () => {
    const state = stateOf(at(opened(), '2022-01-10T00:00:00.000Z'), at(detained(), '2022-01-06T00:00:00.000Z'));
    expect(state.status).toBe('in_police_custody');
  });

  it('a sanction recorded late counts from when it was imposed', () => {
    const state = stateOf(
      opened(),
      at(detained(), '2022-01-06T00:00:00.000Z'),
      at(transferred('special_detention'), '2022-01-08T00:00:00.000Z'),
      at(sanction('arrest', 10), '2022-01-07T00:00:00.000Z'),
    );
    expect(state.status).toBe('administrative_arrest');
  });

  it('facts that occurred at the same time apply in stream order', () => {
    const t = '2022-01-06T00:00:00.000Z';
    expect(stateOf(opened(), at(detained(), t), at(released(), t)).status).toBe('released');
    expect(stateOf(opened(), at(released(), t), at(detained(), t)).status).toBe('in_police_custody');
  });

  it('status is as of the latest occurrence; version is the highest seen', () => {
    const state = stateOf(
      opened(),
      at(detained(), '2022-01-08T00:00:00.000Z'),
      at(missing(), '2022-01-07T00:00:00.000Z'),
      note(),
    );
    expect(state).toMatchObject({ status: 'in_police_custody', statusAsOf: '2022-01-08T00:00:00.000Z', version: 4 });
  });

  it('compares instants, not strings', () => {
    // 10:00+05:00 is 05:00Z, earlier than 06:00Z although it sorts after as text.
    const state = stateOf(
      opened(),
      at(released(), '2022-01-06T06:00:00Z'),
      at(detained(), '2022-01-06T10:00:00+05:00'),
    );
    expect(state.status).toBe('released');
  });
});

describe('determinism and idempotence', () => {
  const scenario: Given[] = [
    opened(),
    lawyerAssigned('l1'),
    at(detained(), '2022-01-06T00:00:00.000Z'),
    at(transferred('pretrial_detention'), '2022-01-08T00:00:00.000Z'),
    chargeBrought('c1'),
    hearingScheduled('h1'),
    at(measureImposed('pretrial_detention', '2022-03-06T00:00:00.000Z', 'h1'), '2022-01-08T12:00:00.000Z'),
    hearingHeld('h1'),
    at(transferred('police_station'), '2022-01-07T00:00:00.000Z'),
    allegation('a1'),
    complaintFiled('k1', 'a1'),
    at(medical('hospitalised'), '2022-01-10T00:00:00.000Z'),
    at(released(), '2022-01-12T00:00:00.000Z'),
    retracted('e13'),
    at(medical('removed_from_hospital'), '2022-01-11T00:00:00.000Z'),
    note(),
  ];
  const facts = toFacts(scenario);

  it('folding the same facts twice gives equal states', () => {
    expect(foldFacts(facts)).toEqual(foldFacts(facts));
  });

  it('folding one by one equals folding at once', () => {
    expect(foldOneByOne(facts)).toEqual(foldFacts(facts));
  });

  it('every prefix folded one by one equals the prefix folded at once', () => {
    for (let n = 1; n <= facts.length; n += 1) {
      expect(foldOneByOne(facts.slice(0, n))).toEqual(foldFacts(facts.slice(0, n)));
    }
  });

  it('facts handed over out of stream order fold as in stream order', () => {
    const shuffled = [facts[0], ...facts.slice(1).reverse()].filter((f): f is CaseFact => f !== undefined);
    expect(foldOneByOne(shuffled)).toEqual(foldFacts(facts));
  });

  it('a fact seen twice is folded once', () => {
    const once = foldFacts(facts);
    expect(facts.reduce(evolve, once)).toBe(once);
  });

  it('the state survives a JSON round trip unchanged (its fact index as the record it stands for)', () => {
    const state = foldFacts(facts);
    expect(JSON.parse(JSON.stringify(state))).toEqual({ ...state, factIds: state.factIds.toJSON() });
    expect(state).toMatchObject({ status: 'in_pretrial_detention', version: 16 });
  });

  it('evolve does not mutate the state it is given', () => {
    const before = foldFacts(facts.slice(0, 5));
    const copy = JSON.parse(JSON.stringify(before)) as unknown;
    const fact = facts[5];
    if (fact) evolve(before, fact);
    expect(JSON.parse(JSON.stringify(before))).toEqual(copy);
  });
});

describe('stateAsOf', () => {
  const state = stateOf(
    withMeta(opened(), { occurredAt: '2022-01-10T00:00:00.000Z', recordedAt: '2022-01-10T00:00:00.000Z' }),
    withMeta(detained(), { occurredAt: '2022-01-06T00:00:00.000Z', recordedAt: '2022-01-10T01:00:00.000Z' }),
    withMeta(released(), { occurredAt: '2022-01-12T00:00:00.000Z', recordedAt: '2022-01-15T00:00:00.000Z' }),
    withMeta(retracted('e2'), { occurredAt: '2022-01-20T00:00:00.000Z', recordedAt: '2022-01-20T00:00:00.000Z' }),
    withMeta(detained(), { occurredAt: '2022-01-07T00:00:00.000Z', recordedAt: '2022-01-20T00:00:00.000Z' }),
  );

  it('on the occurred axis: what had happened by then, as known now', () => {
    expect(stateAsOf(state, '2022-01-08T00:00:00.000Z', 'occurred')).toMatchObject({
      exists: true,
      status: 'in_police_custody',
    });
    expect(stateAsOf(state, '2022-01-06T12:00:00.000Z', 'occurred').status).toBe('reported');
    expect(stateAsOf(state, '2022-01-13T00:00:00.000Z', 'occurred').status).toBe('released');
  });

  it('on the recorded axis: what we knew then', () => {
    expect(stateAsOf(state, '2022-01-09T00:00:00.000Z', 'recorded').exists).toBe(false);
    expect(stateAsOf(state, '2022-01-11T00:00:00.000Z', 'recorded')).toMatchObject({
      status: 'in_police_custody',
      version: 2,
    });
    expect(stateAsOf(state, '2022-01-16T00:00:00.000Z', 'recorded')).toMatchObject({ status: 'released', version: 3 });
    expect(stateAsOf(state, '2022-01-16T00:00:00.000Z', 'recorded').factIds.get('e2')?.retracted).toBe(false);
    expect(stateAsOf(state, '2022-01-21T00:00:00.000Z', 'recorded')).toEqual(state);
  });
});
