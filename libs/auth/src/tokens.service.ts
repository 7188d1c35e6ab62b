import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, Not, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { AccessTokenEntity } from './access-token.entity';
import { AuthChanges, RecentTokens } from './recent-tokens';
import { UserEntity } from './user.entity';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** A token that is neither revoked nor expired, with its user if that user is not disabled. */
const AUTHENTICATE = `
  SELECT u.id, u.email, u.name, u.role, u.password_hash, u.time_zone, u.locale, u.notification_email, u.webhook_url,
         u.disabled_at, u.created_at, t.expires_at
    FROM access_tokens t JOIN users u ON u.id = t.user_id
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND u.disabled_at IS NULL`;

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

/** Opaque bearer tokens: random, stored only as a hash, expiring, revocable at once. */
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

  async issue(userId: string, now = new Date()): Promise<IssuedToken> {
    const accessToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.accessTokenTtlSeconds * 1000);
    await this.tokens.insert({ tokenHash: digest(accessToken), userId, expiresAt, revokedAt: null, createdAt: now });
    return { accessToken, expiresAt };
  }

  /**
   * The active user a token belongs to, or null when it is unknown, expired, revoked or its user disabled.
   *
   * Every request asks this: the answer of a moment ago is reused (RecentTokens, forgotten at any change to accounts
   * or tokens, here or in another process), else one indexed round trip asks for token and user together.
   */
  async authenticate(accessToken: string, now = new Date()): Promise<UserEntity | null> {
    const tokenDigest = digest(accessToken);
    const recent = this.recent.get(tokenDigest, now);
    if (recent !== undefined) return recent;
    const ticket = this.recent.ticket();
    const rows = await this.users.query<UserRow[]>(AUTHENTICATE, [tokenDigest, now]);
    if (rows.length === 0) return null;
    const user = this.users.create(userOf(rows[0]));
    this.recent.remember(ticket, tokenDigest, user, rows[0].expires_at);
    return user;
  }

  async onModuleInit(): Promise<void> {
    await this.recent.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.recent.stop();
  }

  async revoke(accessToken: string): Promise<void> {
    await this.tokens.update({ tokenHash: digest(accessToken), revokedAt: IsNull() }, { revokedAt: new Date() });
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
