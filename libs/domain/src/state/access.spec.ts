import type { CaseEvent } from '../events/case-events';
import { detained, opened, retracted } from '../testing/fixtures';
import { at, stateOf } from '../testing/specification';

const denied = (who: 'lawyer' | 'relatives' | 'doctor' = 'lawyer'): CaseEvent => ({
  type: 'AccessDenied',
  data: { who, by: 'duty officer' },
});
const granted = (who: 'lawyer' | 'relatives' | 'doctor' = 'lawyer'): CaseEvent => ({
  type: 'AccessGranted',
  data: { who },
});

describe('access denials and the grants that end them', () => {
  it('a denial without a grant is open', () => {
    const state = stateOf(opened(), detained(), at(denied(), '2022-01-06T10:00:00.000Z'));
    expect(state.accessDenials).toEqual([
      expect.objectContaining({ who: 'lawyer', occurredAt: '2022-01-06T10:00:00.000Z' }),
    ]);
    expect(state.accessDenials[0].until).toBeUndefined();
  });

  it('a grant ends the open denial to the same people, not to the others', () => {
    const state = stateOf(
      opened(),
      at(denied('lawyer'), '2022-01-06T10:00:00.000Z'),
      at(denied('relatives'), '2022-01-06T11:00:00.000Z'),
      at(granted('lawyer'), '2022-01-09T09:00:00.000Z'),
    );
    expect(state.accessDenials.map((d) => [d.who, d.until])).toEqual([
      ['lawyer', '2022-01-09T09:00:00.000Z'],
      ['relatives', undefined],
    ]);
  });

  it('a grant recorded before the denial it ends (news in any order) still ends it', () => {
    const state = stateOf(
      opened(),
      at(granted('doctor'), '2022-01-09T09:00:00.000Z'),
      at(denied('doctor'), '2022-01-06T10:00:00.000Z'),
    );
    expect(state.accessDenials[0].until).toBe('2022-01-09T09:00:00.000Z');
  });

  it('a grant before a denial does not end it: access was denied again after it', () => {
    const state = stateOf(
      opened(),
      at(denied(), '2022-01-06T10:00:00.000Z'),
      at(granted(), '2022-01-07T10:00:00.000Z'),
      at(denied(), '2022-01-08T10:00:00.000Z'),
    );
    expect(state.accessDenials.map((d) => d.until)).toEqual(['2022-01-07T10:00:00.000Z', undefined]);
  });

  it('a denial ends at the first grant after it, whatever order the grants were recorded in', () => {
    const state = stateOf(
      opened(),
      at(denied(), '2022-01-06T10:00:00.000Z'),
      at(granted(), '2022-01-12T10:00:00.000Z'),
      at(granted(), '2022-01-08T10:00:00.000Z'),
    );
    expect(state.accessDenials[0].until).toBe('2022-01-08T10:00:00.000Z');
  });

  it('the end keeps the grant’s precision: a grant known to the day ends the denial on that day, not at an hour', () => {
    const grant = at(granted(), '2022-01-08T18:00:00.000Z', { occurredAtPrecision: 'day', occurredOn: '2022-01-09' });
    const state = stateOf(opened(), at(denied(), '2022-01-06T10:00:00.000Z'), grant);
    expect(state.accessDenials[0]).toMatchObject({
      until: '2022-01-08T18:00:00.000Z',
      untilPrecision: 'day',
      untilOn: '2022-01-09',
    });
  });

  it('a retracted grant no longer ends the denial', () => {
    const state = stateOf(opened(), at(denied(), '2022-01-06T10:00:00.000Z'), granted(), retracted('e3'));
    expect(state.accessDenials).toHaveLength(1);
    expect(state.accessDenials[0].until).toBeUndefined();
  });
});

describe('pressure not tied to a complaint', () => {
  it('is kept with its kind, in stream order', () => {
    const threat: CaseEvent = {
      type: 'PressureReported',
      data: { details: 'mother told to sign a non-disclosure agreement', kind: 'nondisclosure_agreement' },
    };
    const state = stateOf(opened(), threat);
    expect(state.pressure).toEqual([expect.objectContaining({ eventId: 'e2', kind: 'nondisclosure_agreement' })]);
  });

  it('changes no status', () => {
    const threat: CaseEvent = { type: 'PressureReported', data: { details: 'threat of prosecution' } };
    expect(stateOf(opened(), detained(), threat).status).toBe(stateOf(opened(), detained()).status);
  });
});
