import { detained, lawyerAssigned, missing, opened, released, transferred } from '../testing/fixtures';
import { at, stateOf } from '../testing/specification';
import { escalationSince } from './escalation';

const MISSING = '2022-01-06T08:00:00.000Z';
const DETAINED = '2022-01-05T08:00:00.000Z';
const UNASSIGNED = '2022-01-09T12:00:00.000Z';
const ms = (iso: string): number => Date.parse(iso);
const unassigned = { type: 'LawyerUnassigned', data: { lawyerId: 'lawyer-1' } } as const;

describe('escalationSince: since when a case waits for a coordinator', () => {
  it('an opened case with nothing known waits for nothing', () => {
    expect(escalationSince(stateOf(opened()))).toEqual({ unlocated: null, noLawyer: null });
  });

  it('missing: since the whereabouts became unknown', () => {
    expect(escalationSince(stateOf(opened(), at(missing(), MISSING)))).toEqual({
      unlocated: ms(MISSING),
      noLawyer: null,
    });
  });

  it('in custody without a lawyer: since the detention; a transfer does not restart it; a lawyer ends it', () => {
    const held = stateOf(opened(), at(detained(), DETAINED), at(transferred('pretrial_detention'), UNASSIGNED));
    expect(escalationSince(held)).toEqual({ unlocated: null, noLawyer: ms(DETAINED) });
    expect(escalationSince(stateOf(opened(), at(detained(), DETAINED), lawyerAssigned())).noLawyer).toBeNull();
  });

  it('the last lawyer unassigned: since the unassignment', () => {
    const state = stateOf(opened(), at(detained(), DETAINED), lawyerAssigned(), at(unassigned, UNASSIGNED));
    expect(escalationSince(state)).toEqual({ unlocated: null, noLawyer: ms(UNASSIGNED) });
  });

  it('released: waits for nothing', () => {
    const state = stateOf(opened(), at(detained(), DETAINED), at(released(), UNASSIGNED));
    expect(escalationSince(state)).toEqual({ unlocated: null, noLawyer: null });
  });
});
