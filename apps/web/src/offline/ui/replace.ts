import type { OutboxEntry } from '../index';
import { offlineDevice } from './device';
import { entryFormId } from './entry-words';

/** The case page's query parameter naming the held entry that the open form enters anew. */
export const REPLACES_PARAM = 'replaces';

/**
 * Where "Change" on a held entry leads: its form on its case page, naming the entry it replaces, so that recording
 * the new fact discards the held one in the same step (no forgotten held entry re-applied later as a duplicate).
 */
export function changeHref(entry: Pick<OutboxEntry, 'id' | 'path' | 'pathParams'>): string | null {
  const formId = entryFormId(entry);
  const caseId = entry.pathParams.caseId;
  if (formId === null || caseId === undefined) return null;
  const query = new URLSearchParams({ form: formId, [REPLACES_PARAM]: entry.id });
  return `/cases/${caseId}?${query.toString()}`;
}

/**
 * After the re-entered form was recorded or kept: discards the held entry it replaces. Only a held entry of this
 * case goes – a stale or edited URL never discards a pending entry or another case's; the outbox reads it afresh.
 */
export async function discardReplaced(entryId: string, caseId: string): Promise<boolean> {
  const device = offlineDevice();
  if (device === null || device.vault.state() !== 'unlocked') return false;
  const entry = (await device.outbox.forCase(caseId)).find((candidate) => candidate.id === entryId);
  if (entry === undefined || entry.state !== 'held') return false;
  await device.outbox.discard(entry.id);
  return true;
}
