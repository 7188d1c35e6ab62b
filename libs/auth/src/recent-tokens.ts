import { Client } from 'pg';
import type { EntitySubscriberInterface, RemoveEvent, UpdateEvent } from 'typeorm';
import { AccessTokenEntity } from './access-token.entity';
import { UserEntity } from './user.entity';

/** Announced by every change to an account or a token, from whichever process makes it. */
export const AUTH_CHANGED = 'casetrack_auth_changed';

/** How long a token's answer is reused: brief, so that nothing but a lost notification could make it matter. */
const REUSE_MS = 2_000;
const CAPACITY = 10_000;
const RECONNECT_MS = 1_000;

interface Recent {
  user: UserEntity;
  expiresAt: Date;
  reusableUntil: number;
}

/**
 * The users that tokens named in the last moments, so a burst of requests does not ask the database the same question
 * each time. Any change to the users or access_tokens tables (a revocation, a disabled account, a new role or time
 * zone) forgets every answer at once: in this process as the change is made, in every process (this one included)
 * by a PostgreSQL notification when it commits. While this process is not listening for those notifications (not
 * yet connected, or the connection lost), nothing is reused.
 */
export class RecentTokens {
  private readonly recent = new Map<string, Recent>();
  /** Bumped by every change: an answer read before a change is not kept after it. */
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly databaseUrl: string) {}

  /** The user the token named a moment ago, or undefined when the database must be asked. */
  get(tokenDigest: string, now: Date): UserEntity | undefined {
    if (!this.listening) return undefined;
    const recent = this.recent.get(tokenDigest);
    if (recent === undefined) return undefined;
    if (recent.reusableUntil <= Date.now() || recent.expiresAt <= now) {
      this.recent.delete(tokenDigest);
      return undefined;
    }
    return recent.user;
  }

  /** Taken before asking the database; `remember` keeps the answer only if nothing changed meanwhile. */
  ticket(): number {
    return this.generation;
  }

  remember(ticket: number, tokenDigest: string, user: UserEntity, expiresAt: Date): void {
    if (!this.listening || ticket !== this.generation) return;
    this.recent.set(tokenDigest, { user, expiresAt, reusableUntil: Date.now() + REUSE_MS });
    if (this.recent.size > CAPACITY) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
  }

  forgetAll(): void {
    this.generation += 1;
    this.recent.clear();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.databaseUrl });
    listener.on('notification', () => this.forgetAll());
    listener.on('error', () => this.lost(listener));
    listener.on('end', () => this.lost(listener));
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query(`LISTEN ${AUTH_CHANGED}`);
      if (this.listener !== listener) return;
      // Changes made while nobody listened were not heard: start from nothing.
      this.forgetAll();
      this.listening = true;
    } catch {
      this.lost(listener);
    }
  }

  private lost(listener: Client): void {
    if (this.listener !== listener) return;
    this.listening = false;
    this.forgetAll();
    this.listener = null;
    void listener.end().catch(() => undefined);
    if (!this.stopped) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
  }
}

/**
 * Tells RecentTokens of every change to accounts and tokens made through TypeORM, and announces it to the other
 * processes. Inserts need no word: a new account or a new token changes no answer already given.
 */
export class AuthChanges implements EntitySubscriberInterface {
  constructor(private readonly tokens: RecentTokens) {}

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.changed(event);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return this.changed(event);
  }

  private async changed(event: UpdateEvent<unknown> | RemoveEvent<unknown>): Promise<void> {
    const target = event.metadata.target;
    if (target !== UserEntity && target !== AccessTokenEntity) return;
    this.tokens.forgetAll();
    // In the change's own transaction when it has one: the others hear of it when it commits.
    await event.queryRunner.query(`SELECT pg_notify('${AUTH_CHANGED}', '')`);
  }
}
