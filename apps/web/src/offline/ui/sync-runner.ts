import type { QueryClient } from '@tanstack/react-query';
import { consoleState } from '../../api/client';
import type { ConsoleSession } from '../../api/types';
import { SESSION_KEY } from '../../features/auth/session-api';
import { refreshOfflineSet, type SyncReport, syncOutbox } from '../index';
import { offlineDevice } from './device';
import { outboxSender } from './sender';
import { setSyncing } from './sync-status';

export interface SyncContext {
  readonly queryClient: QueryClient;
  /** A lawyer's id (their caseload is kept); null for a coordinator (pinned cases only). */
  readonly ownUserId: string | null;
}

let context: SyncContext | null = null;
let running: Promise<boolean> | null = null;

/** Set by the signed-in layout; null when signed out (nothing is sent without a session). */
export function configureSync(next: SyncContext | null): void {
  context = next;
}

/** A read straight from the network (never answered from the vault), waiting for this tab's last write. */
async function networkJson(url: string): Promise<unknown> {
  const headers = new Headers({ Accept: 'application/json' });
  const position = consoleState.minPosition();
  if (position > 0) headers.set('X-Min-Position', String(position));
  const response = await fetch(new URL(url, window.location.origin), { credentials: 'same-origin', headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

/**
 * A console opened offline took its session from the vault, which never holds the CSRF token: before sending, the
 * session is asked again. Null: signed out meanwhile (sign in again; the outbox stays). Undefined: no answer.
 */
async function ensureCsrf(queryClient: QueryClient): Promise<boolean | undefined> {
  if (consoleState.csrfHeader() !== null) return true;
  let response: Response;
  try {
    response = await fetch(new URL('/v1/auth/session', window.location.origin), { credentials: 'same-origin' });
  } catch {
    return undefined;
  }
  if (response.status === 401) {
    queryClient.setQueryData(SESSION_KEY, null);
    return false;
  }
  if (!response.ok) return undefined;
  const session = (await response.json()) as ConsoleSession;
  // Opened offline, the vault named its own account; a cookie of another account must not send its outbox.
  const vault = offlineDevice()?.vault;
  const owner = vault?.accountId() ?? null;
  if (owner !== null && owner !== session.user.id) {
    vault?.lock();
    return false;
  }
  consoleState.setCsrf(session.csrf);
  queryClient.setQueryData(SESSION_KEY, session);
  return true;
}

let refreshing: Promise<void> | null = null;

/**
 * Reads the offline set again (after unlock online, after a sync that sent something, a case pinned), one read at a
 * time; the offline page is told when it is over. Failures are not fatal: the next refresh tries again.
 */
export function refreshOffline(): Promise<void> {
  refreshing ??= (async () => {
    const device = offlineDevice();
    const current = context;
    if (device === null || device.vault.state() !== 'unlocked' || current === null || !navigator.onLine) return;
    await refreshOfflineSet(networkJson, device.vault, current.ownUserId).catch(() => undefined);
    await current.queryClient.invalidateQueries({ queryKey: ['offline-vault'] });
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Sends the outbox; true when something was sent, and the offline set then read again. */
async function run(): Promise<boolean> {
  const device = offlineDevice();
  const current = context;
  if (device === null || current === null || device.vault.state() !== 'unlocked' || !navigator.onLine) return false;
  if ((await device.outbox.count()) === 0) return false;
  setSyncing(true);
  let report: SyncReport;
  try {
    if ((await ensureCsrf(current.queryClient)) !== true) return false;
    report = await syncOutbox(device.outbox, outboxSender(consoleState));
  } catch {
    return false;
  } finally {
    setSyncing(false);
  }
  // The session ended (signed out elsewhere, expired): sign in again; every entry stays in the outbox.
  if (report.stoppedBy === 'unauthenticated') current.queryClient.setQueryData(SESSION_KEY, null);
  if (report.sent.length === 0) return false;
  await current.queryClient.invalidateQueries({ queryKey: ['case'] });
  await current.queryClient.invalidateQueries({ queryKey: ['cases'] });
  await refreshOffline();
  return true;
}

/**
 * Sends the outbox now (the online event, unlock, the 30 s timer, "Send now"); one run at a time in this tab. True
 * when something was sent and the offline set was read again after it.
 */
export function sendNow(): Promise<boolean> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}
