/**
 * A hearing still to come, in SQL over the `hearings` row aliased `h`: scheduled (neither held nor cancelled) and not
 * passed. An exact one until its time; one known to the day only (stored as the day's midnight in the recorder's
 * zone) until that day is over, so that it stays on the agenda, and as the case's next hearing, all through its own
 * day. Written as a range on `scheduled_at` first, so the index on it still bounds the scan.
 */
export function hearingAhead(h: string): string {
  return `(${h}.status = 'scheduled' AND ${h}.scheduled_at > now() - interval '1 day'
           AND (${h}.scheduled_at >= now() OR ${h}.scheduled_precision = 'day'))`;
}
