import type { Pool, PoolClient } from 'pg';
import { EVENTS_CHANNEL } from './sql';

/** After a failed LISTEN connection, wait this long before trying again; subscriptions poll meanwhile. */
const RETRY_AFTER_MS = 5_000;

/**
 * One LISTEN connection per store, shared by its subscriptions and held only while at least one is running.
 * A notification is only a hint to poll now: delivery never depends on it, so a lost connection just means
 * subscriptions fall back to polling every `idleMs` until it is re-established.
 */
export class NotificationListener {
  private client: PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private lastFailure = 0;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly pool: Pool) {}

  /** Registers a callback for notifications; returns the function that unregisters it. */
  add(waker: () => void): () => void {
    this.wakers.add(waker);
    this.ensureListening();
    return () => {
      this.wakers.delete(waker);
      if (this.wakers.size === 0) this.drop();
    };
  }

  /** Starts (or restarts) listening unless already connected, connecting, or a recent attempt failed. */
  ensureListening(): void {
    if (this.client || this.connecting || this.wakers.size === 0) return;
    if (Date.now() - this.lastFailure < RETRY_AFTER_MS) return;
    this.connecting = this.connect()
      .catch(() => {
        this.lastFailure = Date.now();
      })
      .finally(() => {
        this.connecting = null;
      });
  }

  async close(): Promise<void> {
    this.wakers.clear();
    await this.connecting;
    this.drop();
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('error', () => {
      // The connection is gone; forget it so the next idle subscription reconnects.
      if (this.client === client) this.client = null;
      client.release(true);
    });
    client.on('notification', () => {
      for (const wake of this.wakers) wake();
    });
    try {
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
    // Everyone may have stopped while we were connecting.
    if (this.wakers.size === 0) this.drop();
    // Events appended while we were not listening would otherwise wait a full idle period.
    else for (const wake of this.wakers) wake();
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    // Destroy rather than return it to the pool: a pooled connection must not keep listening.
    client?.release(true);
  }
}
