import { offsetAt } from '../../../reads/exports/export-time';

/** A wall-clock time as written in a list: no zone yet. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * The wall time in `timeZone` as ISO-8601 with that zone's offset at that moment (`2022-01-05T00:00:00+06:00` in
 * Asia/Almaty). The offset is asked at the instant it gives, so that a date on the other side of a zone change
 * (Almaty moved from +06:00 to +05:00 in 2024) gets its own. The written wall time stays as written: the API keeps a
 * day's own date from it.
 */
export function zonedIso(wall: WallTime, timeZone: string): string {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offset = offsetAt(asUtc - offsetAt(asUtc, timeZone), timeZone);
  const date = `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)}`;
  return `${date}T${two(wall.hour)}:${two(wall.minute)}:00${offsetText(offset)}`;
}

/** The instant (ms) of a wall time in `timeZone`. */
export function instantOf(wall: WallTime, timeZone: string): number {
  return Date.parse(zonedIso(wall, timeZone));
}
