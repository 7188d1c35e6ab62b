import type { TimelineEvent } from '../../api/types';
import type { TimeAxis } from './api';

/**
 * The moments of the case's life on an axis: each distinct instant a fact happened ("what had happened by") or was
 * recorded ("what we knew on"), in order. The slider steps through them, so every step shows a different case.
 */
export function momentsOf(events: readonly TimelineEvent[], axis: TimeAxis): string[] {
  const instants = new Set(events.map((event) => (axis === 'recorded' ? event.recordedAt : event.occurredAt)));
  return [...instants].sort((a, b) => Date.parse(a) - Date.parse(b));
}
