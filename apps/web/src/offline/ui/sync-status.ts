import type { SyncReport } from '../index';

/** What the layout's banner says about sending the outbox. */
export type SyncStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'syncing' }
  | { readonly kind: 'done'; readonly report: SyncReport }
  | { readonly kind: 'failed' };

let status: SyncStatus = { kind: 'idle' };
const listeners = new Set<() => void>();

export function syncStatus(): SyncStatus {
  return status;
}

export function setSyncStatus(next: SyncStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
