import type { FactTime } from '@i18n-shared/time-format';
import { WRITE_FORMS } from '../../features/case/forms';
import type { OutboxEntry } from '../index';

/** The catalogue key naming what an outbox entry records (the form's title, or intake / retraction / decision). */
export function entryLabelKey(entry: Pick<OutboxEntry, 'path'>): string {
  if (entry.path === '/v1/cases') return 'offline.entry.intake';
  if (entry.path === '/v1/cases/{caseId}/retractions') return 'console.retract.title';
  if (entry.path === '/v1/cases/{caseId}/hearings/{hearingId}/decision') return 'offline.entry.decision';
  const form = WRITE_FORMS.find((definition) => definition.path === entry.path);
  return form !== undefined ? `console.form.${form.id}.title` : 'offline.entry.other';
}

/** The form an entry was made with, to enter it again changed. */
export function entryFormId(entry: Pick<OutboxEntry, 'path'>): string | null {
  return WRITE_FORMS.find((definition) => definition.path === entry.path)?.id ?? null;
}

const PRECISIONS: ReadonlySet<string> = new Set(['exact', 'day', 'approximate', 'month', 'year', 'unknown']);

/** When the fact happened, as the person gave it in the body (occurredAt + precision), if they gave one. */
export function entryFactTime(entry: Pick<OutboxEntry, 'body'>): FactTime | null {
  const body = entry.body;
  if (body === null || typeof body !== 'object') return null;
  const occurredAt = 'occurredAt' in body ? body.occurredAt : undefined;
  const precision = 'occurredAtPrecision' in body ? body.occurredAtPrecision : 'exact';
  if (typeof occurredAt !== 'string' || typeof precision !== 'string' || !PRECISIONS.has(precision)) return null;
  return { occurredAt, occurredAtPrecision: precision } as FactTime;
}

/** The name a queued intake gives its person (only ever shown on this device, decrypted). */
export function intakeName(entry: Pick<OutboxEntry, 'body'>): string | null {
  const body = entry.body;
  if (body === null || typeof body !== 'object' || !('detainee' in body)) return null;
  const detainee = body.detainee;
  if (detainee === null || typeof detainee !== 'object' || !('fullName' in detainee)) return null;
  return typeof detainee.fullName === 'string' ? detainee.fullName : null;
}
