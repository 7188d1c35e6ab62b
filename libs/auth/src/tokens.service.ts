import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, Not, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { AccessTokenEntity, type TokenKind } from './access-token.entity';
import { AuthChanges, RecentTokens } from './recent-tokens';
import { UserEntity } from './user.entity';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** A token of that kind that is neither revoked, expired nor idle too long, with its user if not disabled. */
const AUTHENTICATE = `
  SELECT u.id, u.email, u.name, u.role, u.password_hash, u.time_zone, u.locale, u.notification_email, u.webhook_url,
         u.disabled_at, u.created_at, t.expires_at, t.idle_until
    FROM access_tokens t JOIN users u ON u.id = t.user_id
   WHERE t.token_hash = $1 AND t.kind = $3 AND t.revoked_at IS NULL AND t.expires_at > $2
     AND (t.idle_until IS NULL OR t.idle_until > $2) AND u.disabled_at IS NULL`;

/**
 * A used session lives on. A plain statement, not through TypeORM: pushing the idle deadline changes no answer
 * already given, so it must not make every process forget its recent tokens (AuthChanges).
 */
const TOUCH = `UPDATE access_tokens SET idle_until = $2 WHERE token_hash = $1 AND revoked_at IS NULL`;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserEntity['role'];
  password_hash: string;
  time_zone: string;
  locale: UserEntity['locale'];
  notification_email: string | null;
  webhook_url: string | null;
  disabled_at: Date | null;
  created_at: Date;
  expires_at: Date;
  idle_until: Date | null;
}

function userOf(row: UserRow): UserEntity {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    timeZone: row.time_zone,
    locale: row.locale,
    notificationEmail: row.notification_email,
    webhookUrl: row.webhook_url,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opaque tokens: random, stored only as a hash, expiring, revocable at once. Bearer tokens for API clients, and the
 * console's sessions (a cookie), which also end when left unused for the configured idle time.
 */
@Injectable()
export class TokensService implements OnModuleInit, OnModuleDestroy {
  private readonly recent: RecentTokens;

  constructor(
    @InjectRepository(AccessTokenEntity) private readonly tokens: Repository<AccessTokenEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.recent = new RecentTokens(config.databaseUrl);
    users.manager.connection.subscribers.push(new AuthChanges(this.recent));
  }

  async issue(userId: string, now = new Date(), kind: TokenKind = 'bearer'): Promise<IssuedToken> {
    const accessToken = randomBytes(32).toString('base64url');
    const lifetimeSeconds = kind === 'session' ? this.config.session.ttlSeconds : this.config.accessTokenTtlSeconds;
    const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
    const idleUntil = kind === 'session' ? new Date(now.getTime() + this.config.session.idleSeconds * 1000) : null;
    await this.tokens.insert({
      tokenHash: digest(accessToken),
      userId,
      expiresAt,
      revokedAt: null,
      createdAt: now,
      kind,
      idleUntil,
    });
    return { accessToken, expiresAt };
  }

  /**
   * The active user a token belongs to, or null when it is unknown, expired, revoked or its user disabled.
   *
   * Every request asks this: the answer of a moment ago is reused (RecentTokens, forgotten at any change to accounts
   * or tokens, here or in another process), else one indexed round trip asks for token and user together.
   */
  async authenticate(accessToken: string, now = new Date(), kind: TokenKind = 'bearer'): Promise<UserEntity | null> {
    const tokenDigest = digest(accessToken);
    const key = `${kind}:${tokenDigest}`;
    const recent = this.recent.get(key, now);
    if (recent !== undefined) return recent;
    const ticket = this.recent.ticket();
    const rows = await this.users.query<UserRow[]>(AUTHENTICATE, [tokenDigest, now, kind]);
    if (rows.length === 0) return null;
    const row = rows[0];
    let endsAt = row.expires_at;
    if (row.idle_until !== null) {
      const idleUntil = await this.keepAlive(tokenDigest, row.idle_until, now);
      if (idleUntil < endsAt) endsAt = idleUntil;
    }
    const user = this.users.create(userOf(row));
    this.recent.remember(ticket, key, user, endsAt);
    return user;
  }

  /**
   * Pushes a used session's idle deadline on, at most about once a minute (a write per request would cost more than
   * the minute it gains); answers the deadline now in force.
   */
  private async keepAlive(tokenDigest: string, idleUntil: Date, now: Date): Promise<Date> {
    const idleMs = this.config.session.idleSeconds * 1000;
    const slackMs = Math.min(60_000, idleMs / 4);
    if (idleUntil.getTime() - now.getTime() > idleMs - slackMs) return idleUntil;
    const pushed = new Date(now.getTime() + idleMs);
    await this.users.query(TOUCH, [tokenDigest, pushed]);
    return pushed;
  }

  async onModuleInit(): Promise<void> {
    await this.recent.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.recent.stop();
  }

  /** Ends the token at once; with `kind`, only if it is of that kind (a cookie's value is only ever a session). */
  async revoke(accessToken: string, kind?: TokenKind): Promise<void> {
    await this.tokens.update(
      { tokenHash: digest(accessToken), revokedAt: IsNull(), ...(kind === undefined ? {} : { kind }) },
      { revokedAt: new Date() },
    );
  }

  /**
   * Ends every token of the user, but `except` (the caller's own, when they stay signed in). With `manager`, inside
   * the caller's transaction: the change that demands it and the revocation commit together.
   */
  async revokeAllOf(userId: string, options: { except?: string; manager?: EntityManager } = {}): Promise<void> {
    const tokens = options.manager?.getRepository(AccessTokenEntity) ?? this.tokens;
    const kept = options.except === undefined ? {} : { tokenHash: Not(digest(options.except)) };
    await tokens.update({ userId, revokedAt: IsNull(), ...kept }, { revokedAt: new Date() });
  }
}
