import type { NewOutboxEntry, OutboxEntrySummary } from '../index';
import { offlineDevice } from './device';

/** Why a write without a connection could not be kept: no vault on this device, or a vault not unlocked. */
export type NotKept = 'absent' | 'locked';

export type KeepWrite = (entry: NewOutboxEntry) => Promise<OutboxEntrySummary | NotKept>;

/** A caseRef for a case whose opening is itself queued: its writes are sent once the opening's answer names it. */
export function localCaseRef(intakeId: string): string {
  return `local:${intakeId}`;
}

export function isLocalCaseRef(caseRef: string): boolean {
  return caseRef.startsWith('local:');
}

/** Puts a write in this device's outbox, if the vault is unlocked (the entry is sealed with its key). */
export const keepInOutbox: KeepWrite = async (entry) => {
  const device = offlineDevice();
  if (device === null) return 'absent';
  const state = device.vault.state();
  if (state !== 'unlocked') return state === 'locked' ? 'locked' : 'absent';
  const kept = await device.outbox.add(entry);
  return {
    id: kept.id,
    seq: kept.seq,
    caseRef: kept.caseRef,
    path: kept.path,
    enteredAt: kept.enteredAt,
    state: kept.state,
  };
};
