import { formatDate, formatDateTime, formatFactTime, isTimeZone, localeOr } from './index';

describe('times in the reader’s language and zone', () => {
  // 2022-01-08T00:30:00+06:00 is 2022-01-07T18:30:00Z: a day fact written in Almaty stays 8 January everywhere.
  const dayFact = { occurredAt: '2022-01-07T18:30:00.000Z', occurredAtPrecision: 'day', occurredOn: '2022-01-08' };

  it('prints a day fact as the writer’s date, never an hour, in every language and zone', () => {
    expect(formatFactTime('en', dayFact, 'America/New_York')).toBe('8 January 2022');
    expect(formatFactTime('ru', dayFact, 'UTC')).toBe('8 января 2022 г.');
    expect(formatFactTime('kk', dayFact, 'Asia/Almaty')).toBe('2022 жылғы 8 қаңтар');
  });

  it('prints month and year facts as the period, and a calendar fact without occurredOn by its date in the zone', () => {
    expect(formatFactTime('ru', { ...dayFact, occurredAtPrecision: 'month', occurredOn: '2022-01' }, 'UTC')).toBe(
      'январь 2022 г.',
    );
    expect(formatFactTime('kk', { ...dayFact, occurredAtPrecision: 'month', occurredOn: '2022-01' }, 'UTC')).toBe(
      '2022 жылғы қаңтар',
    );
    expect(formatFactTime('en', { ...dayFact, occurredAtPrecision: 'year', occurredOn: '2022' }, 'UTC')).toBe('2022');
    expect(formatFactTime('en', { ...dayFact, occurredOn: null }, 'Asia/Almaty')).toBe('8 January 2022');
    expect(formatFactTime('en', { ...dayFact, occurredOn: null }, 'UTC')).toBe('7 January 2022');
  });

  it('prints exact times in the zone, approximate ones as such, unknown ones as a bound', () => {
    const at = '2022-01-07T18:30:00.000Z';
    expect(formatFactTime('en', { occurredAt: at }, 'Asia/Almaty')).toBe('8 January 2022, 00:30 (Asia/Almaty)');
    expect(formatFactTime('ru', { occurredAt: at, occurredAtPrecision: 'approximate' }, 'Asia/Almaty')).toBe(
      'приблизительно 8 января 2022 г., 00:30 (Asia/Almaty)',
    );
    expect(formatFactTime('kk', { occurredAt: at, occurredAtPrecision: 'unknown' }, 'UTC')).toBe(
      'ең кеші: 2022 жылғы 7 қаңтар, 18:30 (UTC)',
    );
    expect(formatDateTime('ru', at, 'UTC')).toBe('7 января 2022 г., 18:30 (UTC)');
    expect(formatDate('en', at, 'Asia/Almaty')).toBe('8 January 2022');
  });

  it('knows IANA zones and the languages it speaks', () => {
    expect(isTimeZone('Asia/Almaty')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    // Asked again, the kept answers are the same ones.
    expect(isTimeZone('Asia/Almaty')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(localeOr('ru-KZ')).toBe('ru');
    expect(localeOr(['de', 'kk'])).toBe('kk');
    expect(localeOr(undefined, 'ru')).toBe('ru');
  });
});
