import { Injectable } from '@nestjs/common';
import type { TokenKind } from './access-token.entity';
import { LoginLimiter, type SignInAttempt } from './login-limiter';
import { SecondFactorService } from './second-factor/second-factor.service';
import { type IssuedToken, TokensService } from './tokens.service';
import type { UserEntity } from './user.entity';
import { UsersService } from './users.service';

export interface SignInRequest extends SignInAttempt {
  password: string;
  /** A TOTP code or a recovery code; needed once the account has a second factor. */
  otp?: string;
  /** What the sign-in opens: a bearer token (the default) or a console session. */
  tokenKind?: TokenKind;
}

export type SignInOutcome =
  | { kind: 'signed-in'; user: UserEntity; token: IssuedToken }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'wrong-credentials' }
  | { kind: 'second-factor-required' }
  | { kind: 'second-factor-wrong' };

/**
 * Sign-in with a password and, when the account has one, a second factor. The throttle is asked first (so a
 * throttled attempt costs no password hash), and a wrong password for a known or an unknown email is the same work
 * and the same answer. Whether an account has a second factor is told only to someone who gave its password.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly limiter: LoginLimiter,
    private readonly secondFactors: SecondFactorService,
  ) {}

  async signIn(request: SignInRequest): Promise<SignInOutcome> {
    const attempt: SignInAttempt = { email: request.email, clientAddress: request.clientAddress };
    const wait = await this.limiter.retryAfterSeconds(attempt);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };

    const user = await this.users.verifyCredentials(request.email, request.password);
    if (!user) {
      await this.limiter.recordFailure(attempt);
      return { kind: 'wrong-credentials' };
    }
    if (await this.secondFactors.isEnabled(user.id)) {
      // Asking for the code is no failure, and no success either: it must not clear the count of wrong codes.
      if (!request.otp) return { kind: 'second-factor-required' };
      if ((await this.secondFactors.check(user.id, request.otp)) !== 'accepted') {
        await this.limiter.recordFailure(attempt);
        return { kind: 'second-factor-wrong' };
      }
    }
    await this.limiter.recordSuccess(attempt);
    return { kind: 'signed-in', user, token: await this.tokens.issue(user.id, new Date(), request.tokenKind) };
  }
}
