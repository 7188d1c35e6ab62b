import { type CaseState, initialCaseState, type OccurredAtPrecision } from '@casetrack/domain';
import { firstDetention } from './first-detention';

function withDetentions(...entries: Array<[string, OccurredAtPrecision, string?]>): CaseState {
  return {
    ...initialCaseState,
    detentions: entries.map(([occurredAt, occurredAtPrecision, occurredOn], i) => ({
      eventId: `e${i}`,
      occurredAt,
      occurredAtPrecision,
      ...(occurredOn === undefined ? {} : { occurredOn }),
      authority: 'police' as const,
    })),
  };
}

describe('firstDetention', () => {
  it('is nothing without a recorded detention', () => {
    expect(firstDetention(initialCaseState)).toEqual({
      detained_at: null,
      detained_precision: null,
      detained_on: null,
      detained_until: null,
    });
  });

  it('keeps the writer’s day for a detention known to the day, not the UTC day of its instant', () => {
    // 00:30 +06:00 on the 8th is 18:30 UTC on the 7th.
    expect(firstDetention(withDetentions(['2022-01-07T18:30:00.000Z', 'day', '2022-01-08']))).toEqual({
      detained_at: '2022-01-07T18:30:00.000Z',
      detained_precision: 'day',
      detained_on: '2022-01-08',
      detained_until: '2022-01-08',
    });
  });

  it.each([
    ['month', '2022-02', '2022-02-01', '2022-02-28'],
    ['month', '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2022-12', '2022-12-01', '2022-12-31'],
    ['year', '2022', '2022-01-01', '2022-12-31'],
  ] as const)('spans the whole %s %s', (precision, written, first, last) => {
    const columns = firstDetention(withDetentions(['2022-02-10T00:00:00.000Z', precision, written]));
    expect(columns).toMatchObject({ detained_on: first, detained_until: last });
  });

  it.each(['exact', 'approximate', 'unknown'] as const)('has no calendar period when known %s', (precision) => {
    const columns = firstDetention(withDetentions(['2022-01-07T20:30:00.000Z', precision]));
    expect(columns).toEqual({
      detained_at: '2022-01-07T20:30:00.000Z',
      detained_precision: precision,
      detained_on: null,
      detained_until: null,
    });
  });

  it('takes the earliest by when it happened, whatever the order recorded', () => {
    const state = withDetentions(
      ['2022-01-09T10:00:00.000Z', 'exact'],
      ['2022-01-05T10:00:00.000Z', 'day', '2022-01-05'],
    );
    expect(firstDetention(state)).toMatchObject({ detained_at: '2022-01-05T10:00:00.000Z', detained_on: '2022-01-05' });
  });
});
