/** Which cases count: every condition optional, combined with AND. */
export interface StatsFilters {
  /** Days of the first detention, both ends included (see `detainedWithin` in filters.ts). */
  from?: string;
  to?: string;
  /** The case's city, case-insensitive. */
  city?: string;
  closed?: boolean;
  /** The reader's zone, for detentions known to the minute (default UTC). */
  timeZone?: string;
}
