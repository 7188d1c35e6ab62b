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
import { bearerTokenOf } from './bearer-token';
import { ALLOWED_ROLES, type AuthenticatedRequest, IS_PUBLIC, OPEN_DURING_ENROLMENT } from './decorators';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TokensService } from './tokens.service';
import { toAuthenticatedUser } from './user.entity';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows it; a role listed in
 * REQUIRE_2FA reaches only @OpenDuringEnrolment() routes until it has a second factor.
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

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, unknown> }>();
    const header = request.headers['authorization'];
    const token = bearerTokenOf(header);
    if (token === null) throw new UnauthorizedException('A valid bearer token is required');
    const user = await this.tokens.authenticate(token);
    if (!user) throw new UnauthorizedException('The token is invalid, expired or revoked');
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
}
