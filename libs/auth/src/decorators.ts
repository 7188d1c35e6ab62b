import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@casetrack/domain';
import type { AuthenticatedUser } from './user.entity';

export const IS_PUBLIC = 'casetrack:public';
export const ALLOWED_ROLES = 'casetrack:roles';
export const OPEN_DURING_ENROLMENT = 'casetrack:open-during-enrolment';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: ActorRole[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

/**
 * The route stays open to someone whose role must have a second factor (REQUIRE_2FA) before they have one: setting
 * it up, reading who they are, signing out. Everything else answers 403 SECOND_FACTOR_ENROLMENT_REQUIRED.
 */
export const OpenDuringEnrolment = (): MethodDecorator & ClassDecorator => SetMetadata(OPEN_DURING_ENROLMENT, true);

export interface AuthenticatedRequest {
  user?: AuthenticatedUser;
  accessToken?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
