import { occurredOnOf } from './time';

describe('occurredOnOf: the day, month or year the writer meant', () => {
  it('keeps the writer’s calendar date, not the UTC one', () => {
    expect(occurredOnOf('2022-01-08T00:30:00+06:00', 'day')).toBe('2022-01-08');
    expect(occurredOnOf('2022-01-31T23:30:00-05:00', 'month')).toBe('2022-01');
    expect(occurredOnOf('2022-12-31T23:30:00-05:00', 'year')).toBe('2022');
  });

  it('is null for precisions that are no calendar period', () => {
    expect(occurredOnOf('2022-01-08T00:30:00+06:00', 'exact')).toBeNull();
    expect(occurredOnOf('2022-01-08T00:30:00+06:00', 'approximate')).toBeNull();
    expect(occurredOnOf('2022-01-08T00:30:00+06:00', 'unknown')).toBeNull();
  });
});
