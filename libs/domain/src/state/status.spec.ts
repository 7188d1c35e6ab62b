import type { CaseEvent } from '../events/case-events';
import type { FacilityKind } from '../values/vocabularies';
import {
  detained,
  died,
  measureExtended,
  measureImposed,
  medical,
  missing,
  opened,
  released,
  releasedToHouseArrest,
  sanction,
  transferred,
  verdict,
} from '../testing/fixtures';
import { at, stateOf } from '../testing/specification';

const statusOf = (...events: CaseEvent[]) => stateOf(opened(), ...events).status;

describe('status from facts', () => {
  it('starts as reported', () => {
    const state = stateOf(opened());
    expect(state).toMatchObject({
      exists: true,
      status: 'reported',
      heldAs: null,
      currentFacility: null,
      closed: false,
    });
  });

  it('missing: whereabouts unknown, facility no longer known', () => {
    const state = stateOf(opened(), detained(), transferred('police_station'), missing());
    expect(state).toMatchObject({ status: 'missing', heldAs: 'in_police_custody', currentFacility: null });
  });

  it('in police custody after a detention', () => {
    expect(stateOf(opened(), detained())).toMatchObject({ status: 'in_police_custody', heldAs: 'in_police_custody' });
  });

  it('a new detention after a release starts afresh', () => {
    const state = stateOf(opened(), detained(), transferred('temporary_detention'), released(), detained());
    expect(state).toMatchObject({ status: 'in_police_custody', currentFacility: null });
  });

  it('a missing person reappears in custody on a transfer', () => {
    expect(statusOf(detained(), missing(), transferred('police_station'))).toBe('in_police_custody');
  });
});

describe('status after a transfer', () => {
  it.each<[FacilityKind, string]>([
    ['police_station', 'in_police_custody'],
    ['temporary_detention', 'in_police_custody'],
    ['pretrial_detention', 'in_pretrial_detention'],
    ['hospital', 'hospitalised'],
    ['prison', 'imprisoned'],
    ['special_detention', 'in_police_custody'],
    ['other', 'in_police_custody'],
  ])('to %s: %s', (kind, status) => {
    const state = stateOf(opened(), detained(), transferred(kind));
    expect(state.status).toBe(status);
    expect(state.currentFacility).toEqual({ name: `${kind} facility`, city: 'Almaty', kind });
    expect(state.transfers).toHaveLength(1);
  });

  it('to a special detention centre while an arrest is in force: administrative arrest', () => {
    expect(statusOf(detained(), sanction('arrest', 15), transferred('special_detention'))).toBe(
      'administrative_arrest',
    );
  });

  it('to a special detention centre once the arrest term is over: police custody', () => {
    const state = stateOf(
      opened(),
      at(detained(), '2022-01-05T10:00:00.000Z'),
      at(sanction('arrest', 10), '2022-01-06T10:00:00.000Z'),
      at(transferred('special_detention'), '2022-01-16T10:00:00.000Z'),
    );
    expect(state.status).toBe('in_police_custody');
  });

  it('to a special detention centre after a release ended the arrest: police custody', () => {
    expect(statusOf(detained(), sanction('arrest'), released(), detained(), transferred('special_detention'))).toBe(
      'in_police_custody',
    );
  });

  it('an arrest without a term stays in force until a release', () => {
    expect(statusOf(detained(), sanction('arrest'), transferred('special_detention'))).toBe('administrative_arrest');
  });

  it('to a police cell does not lift a pre-trial detention order', () => {
    expect(statusOf(detained(), measureImposed('pretrial_detention'), transferred('temporary_detention'))).toBe(
      'in_pretrial_detention',
    );
  });

  it('to a police cell during an administrative arrest: still administrative arrest', () => {
    expect(statusOf(detained(), sanction('arrest', 15), transferred('police_station'))).toBe('administrative_arrest');
  });

  it('to a remand prison after a prison sentence: still imprisoned', () => {
    const sentence = verdict({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 96 } });
    expect(statusOf(detained(), sentence, transferred('pretrial_detention'))).toBe('imprisoned');
  });

  it('to another kind of place keeps the form of custody', () => {
    expect(statusOf(detained(), releasedToHouseArrest(), transferred('other'))).toBe('house_arrest');
    expect(statusOf(detained(), measureImposed('pretrial_detention'), transferred('other'))).toBe(
      'in_pretrial_detention',
    );
  });

  it('out of a hospital to a police station: police custody', () => {
    expect(statusOf(detained(), transferred('hospital'), transferred('police_station'))).toBe('in_police_custody');
  });
});

describe('status after sanctions and measures', () => {
  it('an administrative arrest', () => {
    expect(stateOf(opened(), detained(), sanction('arrest', 15))).toMatchObject({
      status: 'administrative_arrest',
      heldAs: 'administrative_arrest',
    });
  });

  it.each(['fine', 'warning'] as const)('a %s changes nothing', (kind) => {
    expect(statusOf(detained(), sanction(kind))).toBe('in_police_custody');
  });

  it('pre-trial detention', () => {
    const state = stateOf(opened(), detained(), measureImposed('pretrial_detention', '2022-03-06T00:00:00.000Z', 'h1'));
    expect(state.status).toBe('in_pretrial_detention');
    expect(state.measure).toEqual({
      measure: 'pretrial_detention',
      until: '2022-03-06T00:00:00.000Z',
      since: expect.any(String),
      hearingId: 'h1',
    });
  });

  it('house arrest as a measure: at home, no facility', () => {
    const state = stateOf(opened(), detained(), transferred('pretrial_detention'), measureImposed('house_arrest'));
    expect(state).toMatchObject({
      status: 'house_arrest',
      currentFacility: null,
      measure: { measure: 'house_arrest', until: null },
    });
  });

  it.each(['bail', 'recognizance', 'travel_ban'] as const)(
    '%s frees the person and stays the current measure',
    (measure) => {
      const state = stateOf(opened(), detained(), transferred('temporary_detention'), measureImposed(measure));
      expect(state).toMatchObject({ status: 'released', heldAs: null, currentFacility: null, measure: { measure } });
      expect(state.releasedAt).not.toBeNull();
    },
  );

  it('an extension moves the end date and is kept in the history', () => {
    const state = stateOf(
      opened(),
      detained(),
      measureImposed('pretrial_detention', '2022-03-06T00:00:00.000Z'),
      measureExtended('2022-05-06T00:00:00.000Z'),
    );
    expect(state.measure).toMatchObject({ measure: 'pretrial_detention', until: '2022-05-06T00:00:00.000Z' });
    expect(state.measureHistory.map((m) => [m.change, m.until])).toEqual([
      ['imposed', '2022-03-06T00:00:00.000Z'],
      ['extended', '2022-05-06T00:00:00.000Z'],
    ]);
  });

  it('an extension without a measure is ignored', () => {
    expect(stateOf(opened(), measureExtended('2022-05-06T00:00:00.000Z')).measure).toBeNull();
  });

  it('a new measure replaces the current one', () => {
    const state = stateOf(opened(), detained(), measureImposed('pretrial_detention'), measureImposed('house_arrest'));
    expect(state.measure?.measure).toBe('house_arrest');
  });
});

describe('status after releases', () => {
  it('released to house arrest', () => {
    const state = stateOf(
      opened(),
      detained(),
      transferred('pretrial_detention'),
      measureImposed('pretrial_detention'),
      releasedToHouseArrest('2022-04-01T00:00:00.000Z'),
    );
    expect(state).toMatchObject({
      status: 'house_arrest',
      heldAs: 'house_arrest',
      currentFacility: null,
      measure: { measure: 'house_arrest', until: '2022-04-01T00:00:00.000Z' },
    });
    expect(state.measureHistory.map((m) => m.change)).toEqual(['imposed', 'released_to_house_arrest']);
  });

  it('released: free, no facility, custodial measure ended', () => {
    const state = stateOf(
      opened(),
      detained(),
      transferred('pretrial_detention'),
      measureImposed('pretrial_detention'),
      released(),
    );
    expect(state).toMatchObject({ status: 'released', heldAs: null, currentFacility: null, measure: null });
    expect(state.releasedAt).toBe(state.factIds.get('e5')?.occurredAt);
    expect(state.measureHistory.map((m) => m.change)).toEqual(['imposed', 'ended']);
  });

  it('released on bail keeps the bail as the current measure', () => {
    const state = stateOf(
      opened(),
      detained(),
      measureImposed('pretrial_detention'),
      measureImposed('bail'),
      released(),
    );
    expect(state.measure?.measure).toBe('bail');
  });

  it('released from house arrest', () => {
    expect(statusOf(detained(), releasedToHouseArrest(), released())).toBe('released');
  });
});

describe('status after medical facts', () => {
  it('hospitalised while held', () => {
    expect(stateOf(opened(), detained(), medical('hospitalised'))).toMatchObject({
      status: 'hospitalised',
      heldAs: 'in_police_custody',
    });
  });

  it('a free person in hospital stays released', () => {
    expect(statusOf(detained(), released(), medical('hospitalised'))).toBe('released');
  });

  it('removed from hospital: back to how the person was held', () => {
    expect(
      statusOf(
        detained(),
        measureImposed('pretrial_detention'),
        medical('hospitalised'),
        medical('removed_from_hospital'),
      ),
    ).toBe('in_pretrial_detention');
  });

  it('removed from hospital after being taken there straight from the street: police custody', () => {
    expect(statusOf(medical('hospitalised'), medical('removed_from_hospital'))).toBe('in_police_custody');
  });

  it('removed from a hospital facility: that facility is no longer current', () => {
    const state = stateOf(opened(), detained(), transferred('hospital'), medical('removed_from_hospital'));
    expect(state).toMatchObject({ status: 'in_police_custody', currentFacility: null });
  });

  it('removed from hospital when not hospitalised changes nothing', () => {
    expect(statusOf(detained(), medical('removed_from_hospital'))).toBe('in_police_custody');
  });

  it.each(['need', 'care_denied'] as const)('%s changes nothing', (kind) => {
    expect(statusOf(detained(), medical(kind))).toBe('in_police_custody');
  });

  it('a detention order made in hospital shows once the person leaves it', () => {
    const state = stateOf(opened(), detained(), medical('hospitalised'), measureImposed('pretrial_detention'));
    expect(state).toMatchObject({ status: 'hospitalised', heldAs: 'in_pretrial_detention' });
    expect(
      stateOf(
        opened(),
        detained(),
        medical('hospitalised'),
        measureImposed('pretrial_detention'),
        medical('removed_from_hospital'),
      ).status,
    ).toBe('in_pretrial_detention');
  });
});

describe('status after a verdict', () => {
  it('convicted to imprisonment: imprisoned, measure ended', () => {
    const state = stateOf(
      opened(),
      detained(),
      measureImposed('pretrial_detention'),
      verdict({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 60 } }),
    );
    expect(state).toMatchObject({ status: 'imprisoned', heldAs: 'imprisoned', measure: null });
    expect(state.verdict).toMatchObject({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 60 } });
  });

  it.each(['restricted_freedom', 'fine', 'suspended'] as const)('convicted to %s while held: released', (kind) => {
    expect(
      statusOf(detained(), measureImposed('pretrial_detention'), verdict({ outcome: 'convicted', sentence: { kind } })),
    ).toBe('released');
  });

  it('convicted with an unknown or other sentence: no change', () => {
    expect(statusOf(detained(), measureImposed('pretrial_detention'), verdict({ outcome: 'convicted' }))).toBe(
      'in_pretrial_detention',
    );
    expect(statusOf(detained(), verdict({ outcome: 'convicted', sentence: { kind: 'other' } }))).toBe(
      'in_police_custody',
    );
  });

  it.each(['acquitted', 'case_closed'] as const)('%s while held: released', (outcome) => {
    expect(statusOf(detained(), releasedToHouseArrest(), verdict({ outcome }))).toBe('released');
  });

  it('acquitted while not held: no change', () => {
    expect(statusOf(verdict({ outcome: 'acquitted' }))).toBe('reported');
  });

  it('a bail ends with the verdict', () => {
    expect(stateOf(opened(), detained(), measureImposed('bail'), verdict({ outcome: 'acquitted' })).measure).toBeNull();
  });
});

describe('death', () => {
  it('deceased, measure ended', () => {
    const state = stateOf(opened(), detained(), measureImposed('pretrial_detention'), died());
    expect(state).toMatchObject({ status: 'deceased', measure: null, death: { circumstances: 'in_custody' } });
  });

  it('is terminal: nothing that occurred afterwards changes the status', () => {
    const state = stateOf(opened(), detained(), died(), released(), detained(), transferred('hospital'), missing());
    expect(state.status).toBe('deceased');
  });

  it('facts that occurred before the death but were recorded after it still count', () => {
    const state = stateOf(
      opened(),
      at(detained(), '2022-01-06T00:00:00.000Z'),
      at(died(), '2022-01-20T00:00:00.000Z'),
      at(transferred('hospital'), '2022-01-10T00:00:00.000Z'),
    );
    expect(state.status).toBe('deceased');
    expect(state.currentFacility?.kind).toBe('hospital');
  });
});
