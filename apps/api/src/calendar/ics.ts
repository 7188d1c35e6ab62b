/**
 * Writing iCalendar (RFC 5545) text: CRLF line ends, TEXT values escaped (§3.3.11), content lines folded at 75
 * octets without splitting a UTF-8 character (§3.1), times as UTC DATE-TIME (`19980119T070000Z`, §3.3.5), days as
 * DATE (`19980119`, §3.3.4) on a property that says so (`DTSTART;VALUE=DATE`).
 */

const CRLF = '\r\n';
const FOLD_AT = 75;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `2022-01-08T09:30:00.000Z` -> `20220108T093000Z`. */
export function utcDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `2022-01-08` -> the DATE value `20220108`. */
export function dateValue(day: string): string {
  const match = CALENDAR_DAY.exec(day);
  if (match === null) throw new Error(`ics: not a calendar day: ${day}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** The calendar day after `day` (`2022-02-28` -> `2022-03-01`): an all-day event's DTEND, which is exclusive. */
export function nextDay(day: string): string {
  dateValue(day);
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** One content line folded into lines of at most 75 octets; each continuation starts with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = out.length === 0 ? FOLD_AT : FOLD_AT - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/**
 * A property line `NAME:value`, the value already in its iCalendar form (escape TEXT with escapeText). The name may
 * carry parameters, written as they go on the line (`DTSTART;VALUE=DATE`): they are fixed words here, never typed text.
 */
export type IcsLine = readonly [name: string, value: string];

/** The calendar's text: every line folded, CRLF after each, the last included. */
export function icsText(lines: readonly IcsLine[]): string {
  return lines.map(([name, value]) => `${foldLine(`${name}:${value}`)}${CRLF}`).join('');
}
