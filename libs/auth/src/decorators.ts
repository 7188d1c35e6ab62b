import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@casetrack/domain';
import type { AuthenticatedUser } from './user.entity';

export const IS_PUBLIC = 'casetrack:public';
export const ALLOWED_ROLES = 'casetrack:roles';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: ActorRole[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest {
  user?: AuthenticatedUser;
  accessToken?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
