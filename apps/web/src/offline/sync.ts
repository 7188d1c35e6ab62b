import type { Outbox, OutboxEntry, SendResult, SyncReport } from './index';

export function syncOutbox(outbox: Outbox, send: (entry: OutboxEntry) => Promise<SendResult>): Promise<SyncReport> {
  void outbox;
  void send;
  return Promise.reject(new Error('not yet'));
}
