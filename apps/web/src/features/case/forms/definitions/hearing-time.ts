import { wallTimeToIso } from '../../../../shared/occurred-at';

/**
 * A hearing's time as typed, or its day only (a court's list that gives dates): then the day's midnight in the
 * person's zone, said to be known to the day, so that no reader shows an hour nobody knows.
 */
export function hearingTimeToBody(
  wall: string,
  dayOnly: boolean,
  timeZone: string,
): { scheduledAt: string; scheduledAtPrecision?: 'day' } {
  return dayOnly
    ? { scheduledAt: wallTimeToIso(`${wall.slice(0, 10)}T00:00`, timeZone), scheduledAtPrecision: 'day' }
    : { scheduledAt: wallTimeToIso(wall, timeZone) };
}
