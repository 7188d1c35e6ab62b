import type { DossierRecord } from '@casetrack/domain';

/** `2022-01-06 10:00 UTC`: the dossier states every time in UTC, as stored. */
export function utc(instant: string): string {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function day(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** When a fact happened, as the dossier states it for a record or a retracted fact. */
type TimeOfFact = Pick<DossierRecord, 'occurredAt' | 'occurredAtPrecision' | 'occurredOn'>;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2022-01-08` -> `8 January 2022`, `2022-01` -> `January 2022`, `2022` -> `2022`: only the parts that are known. */
export function calendar(period: string): string {
  const [year, month, dayOfMonth] = period.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year;
  return dayOfMonth === undefined ? `${monthName} ${year}` : `${Number(dayOfMonth)} ${monthName} ${year}`;
}

/**
 * The writer's day, month or year. Facts stored before `occurredOn` existed have only the instant: their day is
 * taken in UTC, as the dossier has always stated it.
 */
function period(record: TimeOfFact, length: number): string {
  return calendar(record.occurredOn ?? day(record.occurredAt).slice(0, length));
}

/** When it happened, as precisely as it is known: never an hour that is not known, never a day moved by a zone. */
export function happened(record: TimeOfFact): string {
  switch (record.occurredAtPrecision) {
    case 'day':
      return period(record, 10);
    case 'month':
      return period(record, 7);
    case 'year':
      return period(record, 4);
    case 'unknown':
      return `not known, no later than ${utc(record.occurredAt)}`;
    case 'approximate':
      return `about ${utc(record.occurredAt)} (approximate)`;
    default:
      return utc(record.occurredAt);
  }
}

/** The provenance line under every fact: both times, who recorded it, which event of the stream it is. */
export function provenance(record: DossierRecord): string {
  return (
    `Happened: ${happened(record)}  ·  Recorded: ${utc(record.recordedAt)} by ${record.recordedBy.role} ` +
    `${shortId(record.recordedBy.id)}  ·  Event v${record.version} ${shortId(record.eventId)}`
  );
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** `special_forces` -> `special forces`. */
export function label(value: string): string {
  return value.replace(/_/g, ' ');
}

/** `special_forces` -> `Special forces`, for the start of a heading. */
export function capitalised(value: string): string {
  const text = label(value);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `AccessDenied` -> `Access denied`. */
export function typeLabel(type: string): string {
  return capitalised(type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? 'not recorded' : value ? 'yes' : 'no';
}

/** `name: value` pairs for the fields that are present, in the order given. */
export function fields(pairs: ReadonlyArray<readonly [string, string | number | undefined | null]>): string[] {
  return pairs
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${name}: ${String(value)}`);
}
