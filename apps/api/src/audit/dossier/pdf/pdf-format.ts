import type { DossierRecord } from '@casetrack/domain';

/** `2022-01-06 10:00 UTC`: the dossier states every time in UTC, as stored. */
export function utc(instant: string): string {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function day(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** When it happened, as precisely as it is known. */
export function happened(record: DossierRecord): string {
  switch (record.occurredAtPrecision) {
    case 'day':
      return `${day(record.occurredAt)} (day known, not the time)`;
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
