import { facilityKey } from '../projection/case-rows';
import type { Sql } from './sql';

/** A facility filter value as stored in `facility_key`. */
export function normaliseFacility(value: string): string {
  return facilityKey({ code: null, name: value });
}

/** Days of detention, both ends included (`YYYY-MM-DD`), and the reader's zone for detentions known to the minute. */
export interface DetentionPeriod {
  from?: string;
  to?: string;
  /** IANA zone; the day of an `exact` or `approximate` detention is its day there. */
  timeZone: string;
}

/**
 * Cases whose first detention certainly falls within the period. Known to the day, month or year: the writer's whole
 * calendar period lies inside it (a detention at 00:30 +06:00 on 8 January known to the day is the 8th, whoever
 * reads). Known to the minute or approximately: its instant falls within the period's days in the reader's zone.
 * Unknown time (no later than when it was recorded), or no detention recorded: never within a bounded period.
 */
export function detainedWithin(sql: Sql, alias: string, period: DetentionPeriod): string | null {
  if (period.from === undefined && period.to === undefined) return null;
  const calendar: string[] = [];
  const instant: string[] = [`${alias}.detained_precision IN ('exact', 'approximate')`];
  const zone = sql.param(period.timeZone);
  if (period.from !== undefined) {
    const from = sql.param(period.from);
    calendar.push(`${alias}.detained_on >= ${from}::date`);
    instant.push(`${alias}.detained_at >= (${from}::date::timestamp AT TIME ZONE ${zone})`);
  }
  if (period.to !== undefined) {
    const to = sql.param(period.to);
    // detained_on <= to is implied by detained_until <= to; it is there so the index bounds the scan.
    calendar.push(`${alias}.detained_on <= ${to}::date`, `${alias}.detained_until <= ${to}::date`);
    instant.push(`${alias}.detained_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})`);
  }
  return `((${calendar.join(' AND ')}) OR (${instant.join(' AND ')}))`;
}
