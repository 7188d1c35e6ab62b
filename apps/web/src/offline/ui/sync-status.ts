/** Whether this tab is sending the outbox now: the layout's banner says so while it lasts. */
let syncing = false;
const listeners = new Set<() => void>();

export function isSyncing(): boolean {
  return syncing;
}

export function setSyncing(next: boolean): void {
  syncing = next;
  for (const listener of listeners) listener();
}

export function subscribeSyncing(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
