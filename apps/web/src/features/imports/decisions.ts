import type { Decision } from './api';

/** A decision as a select's value: `new`, `skip`, `addTo:<caseId>`, or '' when none is chosen yet. */
export function decisionValue(decision: Decision | undefined): string {
  if (decision === undefined) return '';
  return typeof decision === 'string' ? decision : `addTo:${decision.addTo}`;
}

export function decisionOf(value: string): Decision | undefined {
  if (value === 'new' || value === 'skip') return value;
  if (value.startsWith('addTo:')) return { addTo: value.slice('addTo:'.length) };
  return undefined;
}
