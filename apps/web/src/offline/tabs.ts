/**
 * What one tab tells the others of the same device (BroadcastChannel; nothing sealed ever goes through it):
 * `lock` – lock too (locking or signing out in one tab leaves no other tab readable); `vault` – a vault was made or
 * wiped, look again; `outbox` – the outbox changed, re-read it.
 */
export type TabMessage = 'lock' | 'vault' | 'outbox';

export interface TabLink {
  send(message: TabMessage): void;
}

const MESSAGES: readonly unknown[] = ['lock', 'vault', 'outbox'] satisfies TabMessage[];

export function linkTabs(name: string, receive: (message: TabMessage) => void): TabLink | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => {
    if (MESSAGES.includes(event.data)) receive(event.data as TabMessage);
  };
  // Node (tests) would otherwise keep running for the channel's sake; browsers have no unref.
  (channel as unknown as { unref?: () => void }).unref?.();
  return { send: (message) => channel.postMessage(message) };
}
