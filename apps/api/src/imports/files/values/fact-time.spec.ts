import { readBirthDate, readFactTime, readScheduledAt } from './fact-time';

const now = new Date('2026-12-01T04:00:00Z');
const almaty = { timeZone: 'Asia/Almaty', now };

describe('readFactTime: a list date in the importer zone, as precise as written', () => {
  it.each([
    ['2022-01-05', '2022-01-05T00:00:00+06:00', 'day'],
    ['05.01.2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['5.1.22', '2022-01-05T00:00:00+06:00', 'day'],
    ['05/01/2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['5 января 2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['5 января 2022 г.', '2022-01-05T00:00:00+06:00', 'day'],
    ['5-го января 2022 года', '2022-01-05T00:00:00+06:00', 'day'],
    ['5 қаңтар 2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['2022 жылғы 5 қаңтар', '2022-01-05T00:00:00+06:00', 'day'],
    ['January 5, 2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['5th January 2022', '2022-01-05T00:00:00+06:00', 'day'],
    ['05.01.2022 14:30', '2022-01-05T14:30:00+06:00', 'exact'],
    ['05.01.2022 в 14:30', '2022-01-05T14:30:00+06:00', 'exact'],
    ['05.01.2022 г.', '2022-01-05T00:00:00+06:00', 'day'],
    ['2022ж.', '2022-01-01T00:00:00+06:00', 'year'],
    ['2022-01-05T14:30', '2022-01-05T14:30:00+06:00', 'exact'],
    ['5 января 2022 14:30', '2022-01-05T14:30:00+06:00', 'exact'],
    ['январь 2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['Января 2022 г.', '2022-01-01T00:00:00+06:00', 'month'],
    ['қаңтар 2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['01.2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['January 2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['середина января 2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['mid-January 2022', '2022-01-01T00:00:00+06:00', 'month'],
    ['2022', '2022-01-01T00:00:00+06:00', 'year'],
    ['2022 г.', '2022-01-01T00:00:00+06:00', 'year'],
    ['44566', '2022-01-05T00:00:00+06:00', 'day'],
    ['44566.6041666667', '2022-01-05T14:30:00+06:00', 'exact'],
    ['около 5 января 2022', '2022-01-05T00:00:00+06:00', 'approximate'],
    ['~05.01.2022', '2022-01-05T00:00:00+06:00', 'approximate'],
    ['шамамен 5 қаңтар 2022', '2022-01-05T00:00:00+06:00', 'approximate'],
    ['about January 2022', '2022-01-01T00:00:00+06:00', 'month'],
  ])('%s', (text, occurredAt, occurredAtPrecision) => {
    expect(readFactTime(text, almaty)).toEqual({ kind: 'time', occurredAt, occurredAtPrecision });
  });

  it('gives each date the offset its zone had then (Almaty moved from +06:00 to +05:00 in 2024)', () => {
    expect(readFactTime('05.01.2025', almaty)).toMatchObject({ occurredAt: '2025-01-05T00:00:00+05:00' });
    expect(readFactTime('05.07.2022 09:00', { timeZone: 'Europe/Berlin', now })).toMatchObject({
      occurredAt: '2022-07-05T09:00:00+02:00',
    });
  });

  it('leaves an empty cell absent: nothing is known, and it is not now', () => {
    expect(readFactTime('', almaty)).toEqual({ kind: 'absent' });
    expect(readFactTime('   ', almaty)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['31.02.2022', 'imports.value.dateUnreadable'],
    ['вчера', 'imports.value.dateUnreadable'],
    ['5', 'imports.value.dateUnreadable'],
    ['14:30', 'imports.value.dateUnreadable'],
    ['5-7 января 2022', 'imports.value.dateUnreadable'],
    ['5 января', 'imports.value.dateWithoutYear'],
    ['около 5 января', 'imports.value.dateWithoutYear'],
    ['02.12.2026', 'imports.value.dateInFuture'],
    ['январь 2027', 'imports.value.dateInFuture'],
  ])('refuses %s', (text, messageKey) => {
    expect(readFactTime(text, almaty)).toEqual({ kind: 'invalid', messageKey });
  });

  it('accepts today and this month', () => {
    expect(readFactTime('01.12.2026', almaty)).toMatchObject({ kind: 'time', occurredAtPrecision: 'day' });
    expect(readFactTime('декабрь 2026', almaty)).toMatchObject({ kind: 'time', occurredAtPrecision: 'month' });
  });
});

describe('readBirthDate', () => {
  it('is a calendar day without a zone; two-digit years are of the last century when this one has not reached them', () => {
    expect(readBirthDate('12.03.1985', now)).toEqual({ kind: 'date', date: '1985-03-12' });
    expect(readBirthDate('12.03.85', now)).toEqual({ kind: 'date', date: '1985-03-12' });
    expect(readBirthDate('12.03.05', now)).toEqual({ kind: 'date', date: '2005-03-12' });
    expect(readBirthDate('', now)).toEqual({ kind: 'absent' });
  });

  it('refuses a year or a month alone, and a future date', () => {
    expect(readBirthDate('1985', now)).toEqual({ kind: 'invalid', messageKey: 'imports.value.birthDateNotDay' });
    expect(readBirthDate('01.2030', now)).toEqual({ kind: 'invalid', messageKey: 'imports.value.birthDateNotDay' });
    expect(readBirthDate('01.01.2030', now)).toEqual({ kind: 'invalid', messageKey: 'imports.value.dateInFuture' });
  });
});

describe('readScheduledAt', () => {
  it('takes the date and time from one cell or from a date and a time column; the future is fine', () => {
    expect(readScheduledAt('07.01.2027 10:15', null, almaty)).toEqual({
      kind: 'time',
      scheduledAt: '2027-01-07T10:15:00+05:00',
    });
    expect(readScheduledAt('2022-01-07', '9.30', almaty)).toEqual({
      kind: 'time',
      scheduledAt: '2022-01-07T09:30:00+06:00',
    });
    // A time cell of a workbook arrives as Excel's day zero with the time.
    expect(readScheduledAt('2022-01-07', '1899-12-30T15:00', almaty)).toEqual({
      kind: 'time',
      scheduledAt: '2022-01-07T15:00:00+06:00',
    });
  });

  it('needs the hour of a hearing and refuses a month, naming the cell at fault', () => {
    expect(readScheduledAt('07.01.2022', null, almaty)).toEqual({
      kind: 'invalid',
      messageKey: 'imports.value.timeMissing',
      field: 'scheduledAt',
    });
    expect(readScheduledAt('07.01.2022', '25:00', almaty)).toEqual({
      kind: 'invalid',
      messageKey: 'imports.value.timeUnreadable',
      field: 'hearingTime',
    });
    expect(readScheduledAt('январь 2022', '10:00', almaty)).toEqual({
      kind: 'invalid',
      messageKey: 'imports.value.hearingNeedsDay',
      field: 'scheduledAt',
    });
    expect(readScheduledAt('', '10:00', almaty)).toEqual({ kind: 'absent' });
  });
});
