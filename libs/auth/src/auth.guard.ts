import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import type { ActorRole } from '@casetrack/domain';
import { CSRF_HEADER, csrfTokenMatches, needsCsrfToken } from './console-session';
import { ALLOWED_ROLES, type AuthenticatedRequest, IS_PUBLIC, OPEN_DURING_ENROLMENT } from './decorators';
import { credentialOf } from './request-credential';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TokensService } from './tokens.service';
import { toAuthenticatedUser, type UserEntity } from './user.entity';

interface GuardedRequest extends AuthenticatedRequest {
  method: string;
  headers: Record<string, unknown>;
  cookies?: unknown;
}

/**
 * Global guard: every route needs a valid bearer token or console session unless marked @Public(); @Roles() narrows
 * it; a role listed in REQUIRE_2FA reaches only @OpenDuringEnrolment() routes until it has a second factor.
 *
 * A request with an Authorization header is judged by it alone (bearer wins over a cookie sent beside it). A request
 * with the session cookie only is the console's: a browser sends the cookie by itself, so any write must also carry
 * the session's CSRF token in a header, which a page of another origin cannot learn.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly secondFactors: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const { user, token } = await this.identify(request);
    request.user = toAuthenticatedUser(user);
    request.accessToken = token;

    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('Your role may not do this');
    if (
      this.config.signIn.requireSecondFactor.includes(user.role) &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_ENROLMENT, targets) &&
      !(await this.secondFactors.isEnabled(user.id))
    ) {
      throw new ForbiddenException({
        code: 'SECOND_FACTOR_ENROLMENT_REQUIRED',
        message: 'Your role must set up two-factor sign-in first (POST /v1/users/me/2fa)',
      });
    }
    return true;
  }

  private async identify(request: GuardedRequest): Promise<{ user: UserEntity; token: string }> {
    const credential = credentialOf(request, this.config.session);
    if (credential === null) throw new UnauthorizedException('A valid bearer token is required');
    const { kind, token } = credential;
    const user = await this.tokens.authenticate(token, new Date(), kind);
    if (kind === 'bearer') {
      if (!user) throw new UnauthorizedException('The token is invalid, expired or revoked');
      return { user, token };
    }
    if (!user) throw new UnauthorizedException('The session has ended; sign in again');
    if (needsCsrfToken(request.method) && !csrfTokenMatches(token, request.headers[CSRF_HEADER.toLowerCase()])) {
      throw new ForbiddenException({
        code: 'CSRF_TOKEN_INVALID',
        message: `A change made with the session cookie must carry the ${CSRF_HEADER} header its session answer gave`,
      });
    }
    return { user, token };
  }
}
