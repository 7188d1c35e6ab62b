import { describe, expect, it } from 'vitest';
import { calendarPeriod, dayIn, step, today } from './calendar';

describe('calendar periods in the lawyer’s zone', () => {
  it('a week runs Monday to Sunday, from midnight to midnight in the zone', () => {
    const week = calendarPeriod('2026-12-03', 'week', 'Asia/Almaty');
    expect(week.days).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    // Almaty is UTC+5: its midnight is 19:00 UTC the day before.
    expect(week.from).toBe('2026-11-29T19:00:00.000Z');
    expect(week.to).toBe('2026-12-06T19:00:00.000Z');
  });

  it('a month shows whole weeks around it', () => {
    const month = calendarPeriod('2026-02-14', 'month', 'Europe/Moscow');
    expect(month.days[0]).toBe('2026-01-26');
    expect(month.days[month.days.length - 1]).toBe('2026-03-01');
    expect(month.days).toHaveLength(35);
    expect(month.from).toBe('2026-01-25T21:00:00.000Z');
  });

  it('puts a hearing on its day in the zone, not in UTC', () => {
    expect(dayIn('2026-12-01T19:30:00.000Z', 'Asia/Almaty')).toBe('2026-12-02');
    expect(dayIn('2026-12-01T19:30:00.000Z', 'UTC')).toBe('2026-12-01');
    expect(today('Asia/Almaty', new Date('2026-12-01T20:00:00.000Z'))).toBe('2026-12-02');
  });

  it('steps by a week or a month', () => {
    expect(step('2026-01-31', 'month', 1)).toBe('2026-02-28');
    expect(step('2026-01-31', 'week', -1)).toBe('2026-01-24');
  });
});
