import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './passwords';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';

export interface PasswordChangeRequest {
  user: { id: string; email: string };
  currentPassword: string;
  newPassword: string;
  clientAddress: string | undefined;
  /** The caller's own token: it stays valid; every other session of the user ends. */
  keepToken: string | undefined;
}

export type PasswordChangeOutcome =
  { kind: 'changed' } | { kind: 'wrong-password' } | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * A user changes their own password. The current one is asked, and a wrong one counts as a failed sign-in from that
 * address, so a stolen session can neither guess the password through this route nor take the account over.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: LoginLimiter,
    private readonly tokens: TokensService,
  ) {}

  async change(request: PasswordChangeRequest): Promise<PasswordChangeOutcome> {
    const attempt = { email: request.user.email, clientAddress: request.clientAddress };
    const wait = await this.limiter.retryAfterSeconds(attempt);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneBy({ id: request.user.id });
    if (!user || !(await verifyPassword(user.passwordHash, request.currentPassword))) {
      await this.limiter.recordFailure(attempt);
      return { kind: 'wrong-password' };
    }
    const passwordHash = await hashPassword(request.newPassword);
    // One transaction: a password that changed with sessions still open elsewhere is never visible.
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.tokens.revokeAllOf(user.id, { except: request.keepToken, manager });
    });
    return { kind: 'changed' };
  }
}
