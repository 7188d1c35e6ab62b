import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ActorRole } from '@casetrack/domain';
import { ALLOWED_ROLES, type AuthenticatedRequest, IS_PUBLIC } from './decorators';
import { TokensService } from './tokens.service';
import { toAuthenticatedUser } from './user.entity';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, unknown> }>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim()) : null;
    if (!match) throw new UnauthorizedException('A valid bearer token is required');
    const user = await this.tokens.authenticate(match[1]);
    if (!user) throw new UnauthorizedException('The token is invalid, expired or revoked');
    request.user = toAuthenticatedUser(user);
    request.accessToken = match[1];

    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('Your role may not do this');
    return true;
  }
}
