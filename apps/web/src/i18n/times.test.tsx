import { renderHook } from '@testing-library/react';
import type { Locale } from '@i18n-shared/locales';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../../test/render';
import { whenToBody } from '../shared/occurred-at';
import { I18nContext } from './i18n-context';
import { type Times, useTimes } from './times';

function times(locale: Locale, timeZone: string): Times {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nContext.Provider value={{ translator: translator(locale), timeZone, setLocale: () => undefined }}>
      {children}
    </I18nContext.Provider>
  );
  return renderHook(() => useTimes(), { wrapper }).result.current;
}

// 2022-01-08T00:30:00+06:00 is 2022-01-07T18:30:00Z.
const at = '2022-01-07T18:30:00.000Z';

describe('times in the person’s language and zone, with their precision', () => {
  it('prints a day fact as its day, a month fact as its month, never an hour', () => {
    const en = times('en', 'America/New_York');
    expect(en.fact({ occurredAt: at, occurredAtPrecision: 'day', occurredOn: '2022-01-08' })).toBe('8 January 2022');
    expect(en.fact({ occurredAt: at, occurredAtPrecision: 'month', occurredOn: '2022-01' })).toBe('January 2022');
    expect(times('ru', 'UTC').fact({ occurredAt: at, occurredAtPrecision: 'day', occurredOn: '2022-01-08' })).toBe(
      '8 января 2022 г.',
    );
    expect(times('kk', 'UTC').fact({ occurredAt: at, occurredAtPrecision: 'month', occurredOn: '2022-01' })).toBe(
      '2022 жылғы қаңтар',
    );
  });

  it('prints a hearing known to the day only as its date in the account’s zone, an exact one with its hour', () => {
    // A day-only hearing on 8 January recorded in Almaty: that day's midnight there.
    const midnight = '2022-01-07T18:00:00.000Z';
    expect(times('en', 'Asia/Almaty').scheduled(midnight, 'day')).toBe('8 January 2022');
    expect(times('ru', 'Asia/Almaty').scheduled(midnight, 'day')).toBe('8 января 2022 г.');
    expect(times('kk', 'Asia/Almaty').scheduled(midnight, 'day')).toBe('2022 жылғы 8 қаңтар');
    expect(times('en', 'Asia/Almaty').scheduled(midnight, 'exact')).toBe('8 January 2022, 00:00 (Asia/Almaty)');
    // Absent (a read from before the precision existed): exact.
    expect(times('en', 'Asia/Almaty').scheduled(at)).toBe('8 January 2022, 00:30 (Asia/Almaty)');
  });

  it('prints an exact fact with its time in the account’s zone', () => {
    expect(times('en', 'Asia/Almaty').fact({ occurredAt: at, occurredAtPrecision: 'exact' })).toBe(
      '8 January 2022, 00:30 (Asia/Almaty)',
    );
  });

  it('says when the date is unknown, with the day it was recorded', () => {
    const recorded = '2022-02-21T09:00:00.000Z';
    expect(
      times('en', 'Asia/Almaty').factWithRecorded({
        occurredAt: recorded,
        occurredAtPrecision: 'unknown',
        recordedAt: recorded,
      }),
    ).toBe('date unknown, recorded 21 February 2022');
    expect(
      times('ru', 'Asia/Almaty').factWithRecorded({
        occurredAt: recorded,
        occurredAtPrecision: 'unknown',
        recordedAt: recorded,
      }),
    ).toBe('дата неизвестна, записано 21 февраля 2022 г.');
  });
});

describe('what the person types about when it happened, as the body sends it', () => {
  it('keeps the written day with the zone’s offset (the API keeps the day as written)', () => {
    expect(whenToBody({ occurredAtPrecision: 'day', occurredAt: '2022-01-08' }, 'Asia/Almaty')).toEqual({
      occurredAt: '2022-01-08T00:00:00+06:00',
      occurredAtPrecision: 'day',
    });
    expect(whenToBody({ occurredAtPrecision: 'month', occurredAt: '2022-01' }, 'Europe/Moscow')).toEqual({
      occurredAt: '2022-01-01T00:00:00+03:00',
      occurredAtPrecision: 'month',
    });
    expect(whenToBody({ occurredAtPrecision: 'year', occurredAt: '2021' }, 'UTC')).toEqual({
      occurredAt: '2021-01-01T00:00:00+00:00',
      occurredAtPrecision: 'year',
    });
  });

  it('reads an exact time in the account’s zone, sends nothing for "now" and no time when unknown', () => {
    expect(whenToBody({ occurredAtPrecision: 'exact', occurredAt: '2022-01-08T00:30' }, 'Asia/Almaty')).toEqual({
      occurredAt: '2022-01-08T00:30:00+06:00',
      occurredAtPrecision: 'exact',
    });
    expect(whenToBody({ occurredAtPrecision: 'exact', occurredAt: '' }, 'Asia/Almaty')).toEqual({});
    expect(whenToBody({ occurredAtPrecision: 'unknown', occurredAt: '' }, 'Asia/Almaty')).toEqual({
      occurredAtPrecision: 'unknown',
    });
  });
});
