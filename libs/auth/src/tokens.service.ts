import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, Not, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { AccessTokenEntity } from './access-token.entity';
import { UserEntity } from './user.entity';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opaque bearer tokens: random, stored only as a hash, expiring, revocable at once. */
@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(AccessTokenEntity) private readonly tokens: Repository<AccessTokenEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedToken> {
    const accessToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.accessTokenTtlSeconds * 1000);
    await this.tokens.insert({ tokenHash: digest(accessToken), userId, expiresAt, revokedAt: null, createdAt: now });
    return { accessToken, expiresAt };
  }

  /** The active user a token belongs to, or null when it is unknown, expired, revoked or its user disabled. */
  async authenticate(accessToken: string, now = new Date()): Promise<UserEntity | null> {
    const token = await this.tokens.findOneBy({ tokenHash: digest(accessToken) });
    if (!token || token.revokedAt || token.expiresAt <= now) return null;
    const user = await this.users.findOneBy({ id: token.userId });
    return user && !user.disabledAt ? user : null;
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
