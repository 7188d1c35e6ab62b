import { dateValue, escapeText, foldLine, icsText, nextDay, utcDateTime } from './ics';

describe('iCalendar text (RFC 5545)', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC DATE-TIME', () => {
    expect(utcDateTime('2022-01-08T09:30:05.123Z')).toBe('20220108T093005Z');
    expect(utcDateTime(new Date('2022-01-08T14:30:00+05:00'))).toBe('20220108T093000Z');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'Заседание суда '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('ends every line with CRLF', () => {
    expect(
      icsText([
        ['BEGIN', 'VCALENDAR'],
        ['END', 'VCALENDAR'],
      ]),
    ).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('writes DATE values and the day after, across months, years and a leap day', () => {
    expect(dateValue('2022-01-08')).toBe('20220108');
    expect(nextDay('2022-01-08')).toBe('2022-01-09');
    expect(nextDay('2022-01-31')).toBe('2022-02-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-02-28')).toBe('2023-03-01');
    expect(nextDay('2022-12-31')).toBe('2023-01-01');
    expect(() => dateValue('2022-01-08T00:00')).toThrow('not a calendar day');
  });

  it('writes a property with a parameter as NAME;PARAM=VALUE:value', () => {
    expect(icsText([['DTSTART;VALUE=DATE', '20220108']])).toBe('DTSTART;VALUE=DATE:20220108\r\n');
  });
});
