import { monthOf } from './months';
import type { WallTime } from './zone';

/** A date or time as a list writes it: the wall time and how much of it was written. */
export interface WrittenDate {
  readonly precision: 'exact' | 'day' | 'month' | 'year';
  /** "около 5 января", "~05.01.2022", "about January 5". */
  readonly approximate: boolean;
  readonly wall: WallTime;
}

export type WrittenDateReading =
  { readonly ok: true; readonly date: WrittenDate } | { readonly ok: false; readonly messageKey: string };

const UNREADABLE: WrittenDateReading = { ok: false, messageKey: 'imports.value.dateUnreadable' };

/** Words that say a date is approximate, in front of it. */
const APPROXIMATE =
  /^(?:около|примерно|приблизительно|ориентировочно|ок\.|шамамен|шамасы|about|approx\.?|approximately|circa|ca\.|c\.|~|≈)\s*/u;
/** Words around a date that add nothing to it: year words, "of", and "early/mid/late" of a month (kept as a month). */
const FILLER = new Set([
  'г',
  'гг',
  'год',
  'года',
  'году',
  'ж',
  'жыл',
  'жылы',
  'жылғы',
  'of',
  'the',
  'in',
  'в',
  'начало',
  'начале',
  'середина',
  'середине',
  'конец',
  'конце',
  'басы',
  'басында',
  'ортасы',
  'ортасында',
  'аяғы',
  'аяғында',
  'early',
  'mid',
  'late',
]);
const PART_OF_MONTH = new Set([...FILLER].filter((word) => /^(нач|сер|кон|бас|орт|аяғ|early|mid|late)/u.test(word)));

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ ,t]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/;
const MONTH_YEAR = /^(?:(\d{1,2})[./-](\d{4})|(\d{4})-(\d{2}))$/;
const YEAR = /^(\d{4})$/;
/** Excel's day count (1900 system, day 0 = 1899-12-30) as a list saved from a sheet without date formats has it. */
const SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isReal(wall: WallTime): boolean {
  return (
    wall.year >= 1900 &&
    wall.year <= 9999 &&
    wall.month >= 1 &&
    wall.month <= 12 &&
    wall.day >= 1 &&
    wall.day <= daysIn(wall.year, wall.month) &&
    wall.hour <= 23 &&
    wall.minute <= 59
  );
}

/** A two-digit year is of this century unless that would put it after this year ("5.1.85" is 1985). */
function fullYear(written: string, now: Date): number {
  if (written.length === 4) return Number(written);
  const yy = Number(written);
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + yy > now.getUTCFullYear() ? century - 100 + yy : century + yy;
}

function reading(precision: WrittenDate['precision'], approximate: boolean, wall: WallTime): WrittenDateReading {
  return isReal(wall) ? { ok: true, date: { precision, approximate, wall } } : UNREADABLE;
}

function wallOf(year: number, month = 1, day = 1, hour = 0, minute = 0): WallTime {
  return { year, month, day, hour, minute };
}

function numeric(text: string, approximate: boolean, now: Date): WrittenDateReading | null {
  let m = ISO.exec(text);
  if (m !== null) {
    const timed = m[4] !== undefined;
    const wall = wallOf(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
    return reading(timed ? 'exact' : 'day', approximate, wall);
  }
  m = DAY_FIRST.exec(text);
  if (m !== null) {
    const timed = m[4] !== undefined;
    const wall = wallOf(fullYear(m[3], now), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0));
    return reading(timed ? 'exact' : 'day', approximate, wall);
  }
  m = MONTH_YEAR.exec(text);
  if (m !== null) return reading('month', approximate, wallOf(Number(m[2] ?? m[3]), Number(m[1] ?? m[4])));
  m = YEAR.exec(text);
  if (m !== null) return reading('year', approximate, wallOf(Number(m[1])));
  m = SERIAL.exec(text);
  if (m !== null) {
    const fraction = m[2] === undefined ? 0 : Number(`0.${m[2]}`);
    const at = new Date(EXCEL_EPOCH + Math.round((Number(m[1]) + fraction) * 1440) * 60_000);
    const wall = wallOf(
      at.getUTCFullYear(),
      at.getUTCMonth() + 1,
      at.getUTCDate(),
      at.getUTCHours(),
      at.getUTCMinutes(),
    );
    return reading(fraction === 0 ? 'day' : 'exact', approximate, wall);
  }
  return null;
}

const TIME = /^(\d{1,2})[:.](\d{2})$/;
/** "05.01.2022 г.", "2022ж.": the year word after a numeric date. */
const YEAR_WORD_AFTER_DIGITS = /(?<=\d)\s*(?:гг|г|года|год|году|ж|жыл|жылы|жылғы)\.?$/u;
/** "05.01.2022 в 14:30", "at 14:30", "сағ. 14:30": the word between a date and its time. */
const AT_WORD = /\s+(?:в|at|сағ\.?|сағат)\s+(?=\d{1,2}[:.]\d{2}$)/u;

/** "5 января 2022", "2022 жылғы 5 қаңтар", "January 5, 2022 14:30", "январь 2022", "середина января 2022". */
function inWords(text: string, approximate: boolean): WrittenDateReading {
  const words = text
    .replace(/,|(?<=\p{L})-(?=\p{L})/gu, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/\.$/, '').replace(/(?<=\d)(?:-?(?:го|е|ое|ші|шы|st|nd|rd|th)|г|ж)$/u, ''))
    .filter((word) => word !== '');
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let time: [number, number] | null = null;
  let partOfMonth = false;
  for (const word of words) {
    const named = monthOf(word);
    const clock = TIME.exec(word);
    if (named !== null && month === null) month = named;
    else if (/^\d{4}$/.test(word) && year === null) year = Number(word);
    else if (/^\d{1,2}$/.test(word) && day === null) day = Number(word);
    else if (clock !== null && time === null && month !== null) time = [Number(clock[1]), Number(clock[2])];
    else if (PART_OF_MONTH.has(word)) partOfMonth = true;
    else if (!FILLER.has(word)) return UNREADABLE;
  }
  if (month === null && day === null && time === null && !partOfMonth && year !== null) {
    return reading('year', approximate, wallOf(year));
  }
  if (month === null || (time !== null && day === null) || (partOfMonth && day !== null)) return UNREADABLE;
  if (year === null) return { ok: false, messageKey: 'imports.value.dateWithoutYear' };
  if (day === null) return reading('month', approximate, wallOf(year, month));
  const [hour, minute] = time ?? [0, 0];
  return reading(time === null ? 'day' : 'exact', approximate, wallOf(year, month, day, hour, minute));
}

/**
 * What a list's date cell says, with the precision of what is written: `2022-01-05`, `05.01.2022`, `5.1.22`,
 * `05/01/2022` (day first, as written in the region), `5 января 2022`, `January 5, 2022` are days; with a time they
 * are exact; `январь 2022`, `01.2022`, `January 2022` months; `2022` a year; a five-digit number an Excel day count.
 * Null for an empty cell: nothing is known, and nothing is made up.
 */
export function readWrittenDate(text: string, now: Date): WrittenDateReading | null {
  let written = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  if (written === '') return null;
  const approximate = APPROXIMATE.test(written);
  written = written.replace(APPROXIMATE, '').replace(YEAR_WORD_AFTER_DIGITS, '').replace(AT_WORD, ' ');
  return numeric(written, approximate, now) ?? inWords(written, approximate);
}

/** A time of day on its own ("14:30", "9.00", or a spreadsheet time cell read as `1899-12-30T14:30`). */
export function readClock(text: string): readonly [number, number] | null {
  const written = text.trim().replace(/^1899-12-3[01]T/, '');
  const clock = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(written);
  if (clock === null) return null;
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  return hour <= 23 && minute <= 59 ? [hour, minute] : null;
}
