import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LoginLimiter, type SignInAttempt } from './login-limiter';
import { hashPassword } from './passwords';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';

/** How long a reset link works: long enough to pass it on by phone or in person, short enough to lose little. */
export const PASSWORD_RESET_TTL_MS = 2 * 60 * 60 * 1000;

export type ResetIssueOutcome =
  { kind: 'issued'; token: string; expiresAt: Date } | { kind: 'no-such-user' } | { kind: 'user-disabled' };

export type ResetUseOutcome =
  { kind: 'reset' } | { kind: 'invalid' } | { kind: 'throttled'; retryAfterSeconds: number };

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Passwords reset by an admin with a one-time link. Issuing ends every session and token of the user at once (the
 * usual reason is a lost or exposed password) and withdraws any earlier link; the link's token is stored as SHA-256
 * only, works once, for PASSWORD_RESET_TTL_MS. Using it sets the password and again ends every session, in one
 * transaction. Wrong tokens count as failed sign-ins from the caller's address (the token cannot be guessed; the
 * throttle keeps anyone from trying), keyed by the address alone so nobody can lock out another person's link.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: LoginLimiter,
    private readonly tokens: TokensService,
  ) {}

  async issue(userId: string, adminId: string, now = new Date()): Promise<ResetIssueOutcome> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) return { kind: 'no-such-user' };
    if (user.disabledAt !== null) return { kind: 'user-disabled' };
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
        userId,
        now,
      ]);
      await manager.query(
        `INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [digest(token), userId, adminId, now, expiresAt],
      );
      await this.tokens.revokeAllOf(userId, { manager });
    });
    return { kind: 'issued', token, expiresAt };
  }

  async use(token: string, newPassword: string, clientAddress: string | undefined): Promise<ResetUseOutcome> {
    const attempt: SignInAttempt = { email: `password-reset ${clientAddress ?? ''}`, clientAddress };
    const wait = await this.limiter.retryAfterSeconds(attempt);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    const passwordHash = await hashPassword(newPassword);
    const reset = await this.dataSource.transaction(async (manager) => {
      // Claiming the row is the single use (a SELECT around the UPDATE: TypeORM answers rows only for a SELECT): of two requests with one token, one updates it and the other finds none.
      const claimed: Array<{ user_id: string }> = await manager.query(
        `WITH claimed AS (
           UPDATE password_resets r SET used_at = now()
             FROM users u
            WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()
              AND u.id = r.user_id AND u.disabled_at IS NULL
           RETURNING r.user_id)
         SELECT user_id FROM claimed`,
        [digest(token)],
      );
      if (claimed.length === 0) return false;
      const userId = claimed[0].user_id;
      await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
      await this.tokens.revokeAllOf(userId, { manager });
      return true;
    });
    if (!reset) {
      await this.limiter.recordFailure(attempt);
      return { kind: 'invalid' };
    }
    return { kind: 'reset' };
  }
}
